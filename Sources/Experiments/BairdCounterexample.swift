import RLCore

/// Baird's counterexample (Baird 1995) as Sutton & Barto give it (Reinforcement Learning, 2nd ed., 2018,
/// Example 11.1, Fig. 11.1): seven states, a linear value function of eight weights, rewards all 0.
///
/// States 1–6 (the upper ones, here 0…5) have v̂(s) = 2·w_s + w₈, state 7 (here 6) has v̂ = w₇ + 2·w₈, so the
/// features x(s) are linearly independent and v_π = 0 is representable (w = 0). From every state the dashed
/// action leads to one of the six upper states with equal probability, the solid one to state 7. The
/// behaviour policy b takes dashed with probability 6/7, so under b the next state is uniform over all seven
/// (also the starting distribution); the target policy π always takes solid, so its on-policy distribution
/// is all on state 7. The importance ratio ρ = π(a|s)/b(a|s) is 7 after solid and 0 after dashed.
public enum BairdCounterexample {
    /// The number of states.
    public static let stateCount = 7
    /// State 7, where the solid action leads (index 6).
    public static let lowerState = 6
    /// γ of the example.
    public static let gamma = 0.99
    /// The weights Fig. 11.2 starts from, w₁ … w₈.
    public static let initialWeights = SIMD8<Double>(1, 1, 1, 1, 1, 1, 10, 1)
    /// b(dashed): 6/7.
    public static let dashedProbability = 6.0 / 7.0
    /// ρ after the solid action: π(solid)/b(solid) = 1/(1/7).
    public static let solidRatio = 7.0

    /// x(s), the features of state `state` (0…6).
    public static func features(of state: Int) -> SIMD8<Double> {
        precondition((0..<stateCount).contains(state), "Baird's counterexample has states 0…6, got \(state)")
        var x = SIMD8<Double>(repeating: 0)
        if state == lowerState {
            x[6] = 1
            x[7] = 2
        } else {
            x[state] = 2
            x[7] = 1
        }
        return x
    }

    /// v̂(s, w) = x(s)ᵀw.
    public static func value(of state: Int, weights: SIMD8<Double>) -> Double {
        (features(of: state) * weights).sum()
    }

    /// The root mean square of v̂ over the seven states: √VE(w) under the uniform distribution, since v_π = 0.
    public static func rootMeanSquareValue(weights: SIMD8<Double>) -> Double {
        let squares = (0..<stateCount).reduce(0.0) { sum, state in
            let v = value(of: state, weights: weights)
            return sum + v * v
        }
        return (squares / Double(stateCount)).squareRoot()
    }

    /// One transition sampled under b (the same from every state): whether the action was dashed, and the
    /// next state.
    public static func sampleTransition(using generator: inout Xoshiro256StarStar) -> (dashed: Bool, next: Int) {
        let dashed = generator.uniform() < dashedProbability
        return (dashed, dashed ? generator.uniformInt(below: lowerState) : lowerState)
    }
}
