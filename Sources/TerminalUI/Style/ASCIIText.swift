/// Spells text with mathematical symbols in plain ASCII, for terminals without UTF-8: Greek letters become
/// their names (γ → gamma), primes and superscript signs become `'` and `^-`, operators and arrows their
/// nearest ASCII (· → *, − → -, ≈ → ~, → → ->), a circumflex or dot above a letter follows it
/// (Â → A^, θ̇ → theta'), subscript digits become digits (θ₁ → theta1), and any other non-ASCII character
/// becomes `?`. Engine text (explain lines, names) can then be shown anywhere.
public enum ASCIIText {
    private static let table: [Unicode.Scalar: String] = [
        "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "η": "eta", "θ": "theta",
        "λ": "lambda", "μ": "mu", "π": "pi", "ρ": "rho", "σ": "sigma", "τ": "tau", "φ": "phi", "ψ": "psi",
        "Δ": "Delta", "Σ": "Sum", "∑": "sum", "∇": "grad",
        "′": "'", "″": "''", "⁻": "^-", "⁺": "^+", "¹": "^1", "²": "^2",
        "·": "*", "×": "x", "−": "-", "–": "-", "—": "--", "±": "+/-", "≈": "~", "≤": "<=", "≥": ">=",
        "≠": "!=", "∞": "inf", "∈": " in ", "…": "...", "→": "->", "←": "<-", "↑": "^", "↓": "v",
        "▸": ">", "●": "@", "•": "o", "∣": "|", "ˆ": "^", "\u{0302}": "^", "\u{0303}": "~", "\u{0304}": "-",
        "\u{0307}": "'", "ẋ": "x'",
        "₁": "1", "₂": "2", "Â": "A^", "â": "a^",
    ]

    /// `text` with every non-ASCII character replaced as described above.
    public static func transliterate(_ text: String) -> String {
        guard !text.unicodeScalars.allSatisfy(\.isASCII) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                result.unicodeScalars.append(scalar)
            } else {
                result += table[scalar] ?? "?"
            }
        }
        return result
    }
}
