import Foundation

/// One line of the hyperparameter panel: the symbol as in the notes (γ, λ, K, …), what it means, its
/// current value as text, whether it acts (an inactive row is one the current algorithm lacks, or, when
/// `isIdle`, one it has that does nothing in this configuration or at this point of the run), and whether it
/// differs from the preset.
public struct HyperparameterRow: Hashable, Sendable {
    public var symbol: String
    public var meaning: String
    public var value: String
    public var isActive: Bool
    /// The algorithm has it, but it has no effect now (K with --no-target, ε₀ after ε's decay).
    public var isIdle: Bool
    /// Whether the value differs from the preset the run started from (the panel marks it `*`).
    public var differsFromPreset: Bool

    public init(symbol: String, meaning: String, value: String, isActive: Bool = true, isIdle: Bool = false,
                differsFromPreset: Bool = false) {
        self.symbol = symbol
        self.meaning = meaning
        self.value = value
        self.isActive = isActive && !isIdle
        self.isIdle = isIdle
        self.differsFromPreset = differsFromPreset
    }

    /// A row whose value is formatted by `format(_:isInteger:)`.
    public init(symbol: String, meaning: String, value: Double, isInteger: Bool = false, isActive: Bool = true,
                isIdle: Bool = false, differsFromPreset: Bool = false) {
        self.init(symbol: symbol, meaning: meaning, value: Self.format(value, isInteger: isInteger), isActive: isActive,
                  isIdle: isIdle, differsFromPreset: differsFromPreset)
    }

    /// A hyperparameter value as the panel prints it: whole numbers for integer parameters (500, 64), three
    /// decimals from 0.01 to below 10 (0.990, 0.100), one decimal up to 10⁴ (12.5), otherwise a mantissa
    /// and power of ten (3.0e-4 for a learning rate).
    public static func format(_ value: Double, isInteger: Bool) -> String {
        guard value.isFinite else { return ValueLabel.compact(value) }
        if isInteger { return String(Int(value.rounded())) }
        let size = abs(value)
        if value == 0 { return "0" }
        if size >= 0.01, size < 9.9995 { return String(format: "%.3f", value) }
        if size >= 9.9995, size < 9_999.95 { return String(format: "%.1f", value) }
        return ValueLabel.magnitude(value)
    }
}
