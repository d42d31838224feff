import RLCore

/// ε-greedy exploration: with probability ε a uniformly random action, otherwise argmax_a Q(s,a;θ). ε
/// falls linearly from ε₀ to ε₁ over the first `eps-fraction` of the step budget, then stays at ε₁.
public struct EpsilonGreedy: Sendable {
    private var generator: Xoshiro256StarStar

    public init(generator: Xoshiro256StarStar) {
        self.generator = generator
    }

    /// ε after `step` environment steps of a `totalSteps` budget.
    public static func epsilon(at step: Int, totalSteps: Int, hyperparameters: Hyperparameters) -> Double {
        let duration = Int(hyperparameters[.explorationFraction] * Double(totalSteps))
        return LinearSchedule(start: hyperparameters[.epsilonStart], end: hyperparameters[.epsilonEnd], duration: duration)
            .value(at: step)
    }

    /// A random action with probability `epsilon`, else the greedy action of `q`.
    public mutating func action(_ observation: UnsafeBufferPointer<Float>, q: QFunction, epsilon: Double) -> Int {
        if generator.uniform() < epsilon {
            return generator.uniformInt(below: q.actionCount)
        }
        return q.greedyAction(observation)
    }
}
