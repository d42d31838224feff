import RLCore

/// ε-greedy exploration: with probability ε a uniformly random action, otherwise argmax_a Q(s,a;θ). ε
/// falls linearly from ε₀ to ε₁ over the first `eps-fraction` of the step budget, then stays at ε₁.
///
/// A class because it owns the "exploration" random stream, which the agent draws from in place.
public final class EpsilonGreedy: StateSaving {
    private var generator: Xoshiro256StarStar
    /// The run's step budget, which `eps-fraction` is a fraction of.
    public let totalSteps: Int

    public init(generator: Xoshiro256StarStar, totalSteps: Int) {
        self.generator = generator
        self.totalSteps = totalSteps
    }

    /// The steps ε takes to fall from ε₀ to ε₁: ε-frac of the budget. From then on ε₀ has no effect.
    public func decaySteps(_ hyperparameters: Hyperparameters) -> Int {
        Int(hyperparameters[.explorationFraction] * Double(totalSteps))
    }

    /// ε after `step` environment steps.
    public func epsilon(at step: Int, hyperparameters: Hyperparameters) -> Double {
        LinearSchedule(start: hyperparameters[.epsilonStart], end: hyperparameters[.epsilonEnd],
                       duration: decaySteps(hyperparameters))
            .value(at: step)
    }

    /// A random action with probability ε(step), else the greedy action of `q`.
    public func action(_ observation: UnsafeBufferPointer<Float>, q: QFunction, step: Int, hyperparameters: Hyperparameters) -> Int {
        if generator.uniform() < epsilon(at: step, hyperparameters: hyperparameters) {
            return generator.uniformInt(below: q.actionCount)
        }
        return q.greedyAction(observation)
    }

    /// The "exploration" stream's state: ε itself follows from the agent's step count.
    public func saveState(into part: inout StatePart) {
        part.set("generator", generator: generator)
    }

    public func restoreState(from part: StatePart) throws(StatePartError) {
        generator = try part.generator("generator")
    }
}
