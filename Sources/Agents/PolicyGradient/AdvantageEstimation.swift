/// Returns and advantage estimators for policy gradients, as pure functions over one batch of steps.
///
/// A batch is the steps of one or more consecutive paths, oldest first, given as parallel arrays: rewards
/// rₜ, values V(sₜ), and gymnasium's two end flags. A path ends at a step that is terminated (s′ is
/// terminal: nothing follows, bootstrap from 0), at a step that is truncated (a time limit: bootstrap from
/// V(s_T) of the observation that was cut off), and at the batch's last step (an epoch cut: bootstrap from
/// V(s_T) of the next observation) — Spinning Up's `finish_path(last_val)`. `bootstrapValues` holds one
/// V(s_T) per path end that is not terminated, in batch order; a terminated step that is also truncated
/// counts as terminated.
public enum AdvantageEstimation {
    /// Discounted returns with bootstrapping, the value-function targets:
    /// Gₜ = rₜ + γ·G_{t+1} inside a path, and at its last step Gₜ = rₜ + γ·(0 or V(s_T)), so
    /// Gₜ = Σ_{l<T−t} γˡ r_{t+l} + γ^{T−t}·V(s_T) for a path cut at T.
    public static func discountedReturns(rewards: [Double], terminated: [Bool], truncated: [Bool],
                                         bootstrapValues: [Double], gamma: Double) -> [Double] {
        rewardToGo(rewards: rewards, terminated: terminated, truncated: truncated, bootstrapValues: bootstrapValues, gamma: gamma)
    }

    /// Reward-to-go, the policy-gradient weight Ψₜ = Σ_{t′=t}^{T−1} γ^{t′−t} r_{t′} of the rewards that
    /// follow action aₜ in its path (γ = 1 gives the notes' undiscounted sum). With `bootstrapValues`, a path
    /// that was truncated or cut adds the rewards it did not see as γ^{T−t}·V(s_T), as Spinning Up's
    /// `finish_path(last_val)` does, which makes it equal to `discountedReturns`; nil bootstraps nothing
    /// (REINFORCE, which has no V(s_T) to add).
    public static func rewardToGo(rewards: [Double], terminated: [Bool], truncated: [Bool], bootstrapValues: [Double]? = nil,
                                  gamma: Double = 1) -> [Double] {
        let ends = pathEnds(terminated: terminated, truncated: truncated, bootstrapValues: bootstrapValues, count: rewards.count)
        return accumulateBackwards(rewards, factor: gamma, ends: ends)
    }

    /// The total return of each step's path, Ψₜ = R(τ) = Σ_{t′} γ^{t′} r_{t′} from the path's first step in
    /// the batch (γ = 1 gives the simplest policy gradient's undiscounted R(τ)), the same for every step of a
    /// path. With `bootstrapValues`, a truncated or cut path adds γ^T·V(s_T) for the rewards it did not see;
    /// nil bootstraps nothing.
    public static func totalReturns(rewards: [Double], terminated: [Bool], truncated: [Bool], bootstrapValues: [Double]? = nil,
                                    gamma: Double = 1) -> [Double] {
        let toGo = rewardToGo(rewards: rewards, terminated: terminated, truncated: truncated, bootstrapValues: bootstrapValues,
                              gamma: gamma)
        let ends = pathEnds(terminated: terminated, truncated: truncated, bootstrapValues: nil, count: rewards.count)
        var totals = toGo
        var pathStart = 0
        for t in rewards.indices where ends[t] != nil {
            for step in pathStart...t { totals[step] = toGo[pathStart] }
            pathStart = t + 1
        }
        return totals
    }

    /// TD residuals δₜ = rₜ + γ·V(s_{t+1}) − V(sₜ), where V(s_{t+1}) is 0 after a terminated step, the path's
    /// bootstrap value after a truncated step or an epoch cut, and `values[t + 1]` inside a path.
    public static func tdResiduals(rewards: [Double], values: [Double], terminated: [Bool], truncated: [Bool],
                                   bootstrapValues: [Double], gamma: Double) -> [Double] {
        precondition(values.count == rewards.count, "one value V(sₜ) per reward")
        let ends = pathEnds(terminated: terminated, truncated: truncated, bootstrapValues: bootstrapValues, count: rewards.count)
        return rewards.indices.map { t in
            rewards[t] + gamma * (ends[t] ?? values[t + 1]) - values[t]
        }
    }

    /// Generalized advantage estimation (Schulman et al. 2016, Eq. 16): Âₜ = Σ_{l≥0} (γλ)ˡ δ_{t+l} within the
    /// path, computed backwards as Âₜ = δₜ + γλ·Â_{t+1} with Â = 0 after the path's last step (its
    /// bootstrap value already sits in that step's δ). λ = 0 gives the TD residual δₜ; λ = 1 gives the
    /// discounted return minus V(sₜ).
    public static func generalizedAdvantages(rewards: [Double], values: [Double], terminated: [Bool], truncated: [Bool],
                                             bootstrapValues: [Double], gamma: Double, lambda: Double) -> [Double] {
        let residuals = tdResiduals(rewards: rewards, values: values, terminated: terminated, truncated: truncated,
                                    bootstrapValues: bootstrapValues, gamma: gamma)
        let ends = pathEnds(terminated: terminated, truncated: truncated, bootstrapValues: nil, count: rewards.count)
        return accumulateBackwards(residuals, factor: gamma * lambda, ends: ends)
    }

    /// For each step, nil inside a path, or the value that follows a path's last step: 0 after termination,
    /// otherwise the next bootstrap value (0 for every end when `bootstrapValues` is nil).
    private static func pathEnds(terminated: [Bool], truncated: [Bool], bootstrapValues: [Double]?, count: Int) -> [Double?] {
        precondition(terminated.count == count && truncated.count == count, "one terminated and one truncated flag per step")
        var ends = [Double?](repeating: nil, count: count)
        var nextBootstrap = 0
        for t in 0..<count {
            if terminated[t] {
                ends[t] = 0
            } else if truncated[t] || t == count - 1 {
                if let bootstrapValues {
                    precondition(nextBootstrap < bootstrapValues.count, "too few bootstrap values: one per truncated or cut path")
                    ends[t] = bootstrapValues[nextBootstrap]
                    nextBootstrap += 1
                } else {
                    ends[t] = 0
                }
            }
        }
        if let bootstrapValues {
            precondition(nextBootstrap == bootstrapValues.count, "\(bootstrapValues.count) bootstrap values for \(nextBootstrap) truncated or cut paths")
        }
        return ends
    }

    /// yₜ = xₜ + c·(the end value after step t if a path ends there, else y_{t+1}).
    private static func accumulateBackwards(_ x: [Double], factor: Double, ends: [Double?]) -> [Double] {
        var result = x
        var following = 0.0
        for t in x.indices.reversed() {
            result[t] = x[t] + factor * (ends[t] ?? following)
            following = result[t]
        }
        return result
    }
}
