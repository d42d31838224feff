import Foundation

/// The last batch's Ψ for its first step t = 0, written out with its numbers for the explain panel, e.g.
/// `δ_t = r + γ·V(s′) − V(s) = 1 + 0.99·12.30 − 12.00 = 1.18; Â_t = Σ (γλ)^l δ_t+l = 1.18 + 0.95·(0.50) + … = 2.01`.
/// It keeps the terms of the sum (rewards, or TD residuals for GAE) along the step's path.
public struct AdvantageExplanation: Sendable, Equatable, CustomStringConvertible {
    public var psi: Psi
    public var gamma: Double
    public var lambda: Double
    /// r₀.
    public var reward: Double
    /// V(s₀), when the choice reads V.
    public var value: Double?
    /// V(s₁): 0 after a terminal step, V(s_T) after a truncation or cut, V of the next step otherwise.
    public var nextValue: Double?
    /// The quantities summed along the path: rewards, or δ's for GAE.
    public var terms: [Double]
    /// V(s_T) that ends the path's return, nil when the path ended in a terminal state or is not bootstrapped.
    public var bootstrap: Double?
    /// Whether the path ended in a terminal state (nothing follows, so nothing is bootstrapped).
    public var terminal: Bool
    /// Ψ₀ as the update used it (before any normalisation).
    public var weight: Double

    /// The explanation of Ψ₀ in a batch laid out as in `AdvantageEstimation`; `bootstrapValues` nil when the
    /// agent bootstraps nothing (REINFORCE).
    public init(psi: Psi, rewards: [Double], terminated: [Bool], truncated: [Bool], values: [Double],
                bootstrapValues: [Double]?, gamma: Double, lambda: Double, weight: Double) {
        precondition(!rewards.isEmpty, "an explanation needs a step")
        self.psi = psi
        self.gamma = gamma
        self.lambda = lambda
        self.weight = weight
        reward = rewards[0]
        let end = rewards.indices.first { terminated[$0] || truncated[$0] } ?? rewards.count - 1
        terminal = terminated[end]
        let endValue = terminal ? 0 : (bootstrapValues?.first ?? 0)
        bootstrap = terminal || bootstrapValues == nil ? nil : endValue
        if psi.needsValues {
            value = values[0]
            nextValue = end == 0 ? endValue : values[1]
        }
        if psi == .advantage {
            terms = (0...end).map { t in rewards[t] + gamma * (t == end ? endValue : values[t + 1]) - values[t] }
        } else {
            terms = Array(rewards[0...end])
        }
    }

    public var description: String {
        let n = Self.number
        var parts: [String] = []
        if psi == .tdResidual || psi == .advantage, let value, let nextValue {
            let delta = reward + gamma * nextValue - value
            parts.append("δ_t = r + γ·V(s′) − V(s) = \(n(reward)) + \(n(gamma))·\(n(nextValue)) − \(n(value)) = \(n(delta))")
        }
        switch psi {
        case .advantage:
            parts.append("Â_t = Σ (γλ)^l δ_t+l = \(series(factor: gamma * lambda)) = \(n(weight))")
        case .tdResidual:
            parts.append("Ψ_t = δ_t")
        case .total:
            parts.append("Ψ_t = R(τ) = Σ γ^t r_t\(returnSum) = \(n(weight)) (the same for every step of the path)")
        case .rewardToGo:
            parts.append("Ψ_t = Σ γ^l r_t+l\(returnSum) = \(n(weight))")
        case .baseline:
            let toGo = weight + (value ?? 0)
            let symbol = bootstrap == nil ? "" : " + γ^(T−t)·V(s_T)"
            parts.append("Ψ_t = Σ γ^l r_t+l\(symbol) − V(s) = \(numericSum) − \(n(value ?? 0)) = \(n(toGo)) − \(n(value ?? 0))"
                         + " = \(n(weight))")
        case .q:
            parts.append("Ψ_t = Q̂(s,a) = Σ γ^l r_t+l\(returnSum) = \(n(weight))")
        }
        return parts.joined(separator: "; ")
    }

    /// The discounted sum of the path's rewards written out: its bootstrapped tail γ^(T−t)·V(s_T) in symbols, then
    /// the numbers, or a note that a cut path was not bootstrapped.
    private var returnSum: String {
        let symbol = bootstrap == nil ? "" : " + γ^(T−t)·V(s_T)"
        return "\(symbol) = \(numericSum)"
    }

    /// r₀ + γ·(r₁) + … + γ^T·(V(s_T)) with the numbers.
    private var numericSum: String {
        let n = Self.number
        if let bootstrap { return "\(series(factor: gamma)) + \(n(gamma))^\(terms.count)·(\(n(bootstrap)))" }
        return series(factor: gamma) + (terminal ? "" : " (cut: not bootstrapped)")
    }

    /// x₀ + f·(x₁) + f²·(x₂) + … over the path's terms (at most three written out).
    private func series(factor: Double) -> String {
        let n = Self.number
        var pieces: [String] = []
        for (l, term) in terms.prefix(3).enumerated() {
            switch l {
            case 0: pieces.append(n(term))
            case 1: pieces.append("\(n(factor))·(\(n(term)))")
            default: pieces.append("\(n(factor))^\(l)·(\(n(term)))")
            }
        }
        if terms.count > 3 { pieces.append("… (\(terms.count) terms)") }
        return pieces.joined(separator: " + ")
    }

    /// `value` with two decimals and a true minus sign.
    static func number(_ value: Double) -> String {
        String(format: "%.2f", value).replacingOccurrences(of: "-", with: "−")
    }
}
