/// The weight Ψₜ that multiplies ∇θ log πθ(aₜ|sₜ) in the policy gradient g = E[Σₜ Ψₜ ∇θ log πθ(aₜ|sₜ)], one of
/// the six choices of Schulman et al. (2016, Sec. 2) listed in the course notes. Every choice gives an
/// unbiased gradient when its value function is exact; they differ in variance (total return the noisiest,
/// advantage-based the least) and, with a learned V, in bias.
///
/// All sums are discounted by γ (γ = 1 gives the notes' undiscounted formulas 1–3). The notes' sums run to
/// the end of the episode; where a path was truncated by a time limit or cut by the end of the batch, the
/// rewards it did not see are estimated by γ^(T−t)·V(s_T), as Spinning Up's `finish_path` does and as V itself
/// is fitted — for every choice when a value function gives V(s_T), for none without one (REINFORCE).
/// `weights(...)` is a pure function over one batch in `AdvantageEstimation`'s layout.
public enum Psi: String, Sendable, Codable, CaseIterable {
    /// 1. Ψₜ = Σ_{t′} γ^{t′} r_{t′}: the return of the whole path, the same for every step of it.
    case total
    /// 2. Ψₜ = Σ_{t′≥t} γ^{t′−t} r_{t′}: only the rewards that follow aₜ.
    case rewardToGo = "reward-to-go"
    /// 3. Ψₜ = Σ_{t′≥t} γ^{t′−t} r_{t′} − V(sₜ): reward-to-go minus a learned baseline b(sₜ) = V(sₜ).
    case baseline
    /// 4. Ψₜ = Q^π(sₜ,aₜ), estimated by the Monte Carlo discounted return from (sₜ, aₜ) (no learned Q-critic):
    ///    the same numbers as the bootstrapped reward-to-go, the sample whose expectation Q^π is.
    case q
    /// 5. Ψₜ = A^π(sₜ,aₜ), estimated by GAE(γ, λ): Σ_{l≥0} (γλ)ˡ δ_{t+l}.
    case advantage
    /// 6. Ψₜ = δₜ = rₜ + γV(s_{t+1}) − V(sₜ), the TD residual (GAE with λ = 0).
    case tdResidual = "td-residual"

    /// Whether the choice reads a learned state-value function V.
    public var needsValues: Bool {
        switch self {
        case .total, .rewardToGo: false
        case .baseline, .q, .advantage, .tdResidual: true
        }
    }

    /// The notes' formula for the choice, for explanations and tables.
    public var formula: String {
        switch self {
        case .total: "Σ γ^t′ r_t′ (total return)"
        case .rewardToGo: "Σ_{t′≥t} γ^(t′−t) r_t′ (reward-to-go)"
        case .baseline: "Σ_{t′≥t} γ^(t′−t) r_t′ − V(s_t) (baselined reward-to-go)"
        case .q: "Q^π(s_t,a_t) ≈ discounted return from (s_t,a_t)"
        case .advantage: "A^π(s_t,a_t) ≈ GAE(γ,λ) = Σ (γλ)^l δ_t+l"
        case .tdResidual: "r_t + γV(s_t+1) − V(s_t) (TD residual)"
        }
    }

    /// Ψₜ for every step of a batch. `values` (V(sₜ), one per step) are read only when `needsValues`.
    /// `bootstrapValues` hold one V(s_T) per truncated or cut path, as in `AdvantageEstimation`; nil, for an
    /// agent without a value function, ends every path with 0 and suits only total and reward-to-go (and a
    /// baseline fitted to the same unbootstrapped sums).
    public func weights(rewards: [Double], terminated: [Bool], truncated: [Bool], values: [Double],
                        bootstrapValues: [Double]?, gamma: Double, lambda: Double) -> [Double] {
        switch self {
        case .total:
            return AdvantageEstimation.totalReturns(rewards: rewards, terminated: terminated, truncated: truncated,
                                                    bootstrapValues: bootstrapValues, gamma: gamma)
        case .rewardToGo, .q:
            return AdvantageEstimation.rewardToGo(rewards: rewards, terminated: terminated, truncated: truncated,
                                                  bootstrapValues: bootstrapValues, gamma: gamma)
        case .baseline:
            let toGo = AdvantageEstimation.rewardToGo(rewards: rewards, terminated: terminated, truncated: truncated,
                                                      bootstrapValues: bootstrapValues, gamma: gamma)
            return zip(toGo, values).map { $0 - $1 }
        case .advantage:
            return AdvantageEstimation.generalizedAdvantages(rewards: rewards, values: values, terminated: terminated,
                                                             truncated: truncated, bootstrapValues: bootstrapValues ?? [],
                                                             gamma: gamma, lambda: lambda)
        case .tdResidual:
            return AdvantageEstimation.tdResiduals(rewards: rewards, values: values, terminated: terminated, truncated: truncated,
                                                   bootstrapValues: bootstrapValues ?? [], gamma: gamma)
        }
    }

    /// The choices written as the command line takes them, e.g. "total|reward-to-go|baseline".
    public static func list(_ choices: [Psi]) -> String {
        choices.map(\.rawValue).joined(separator: "|")
    }
}
