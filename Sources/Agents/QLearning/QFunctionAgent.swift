import NeuralNet
import RLCore

/// An agent built around one `QFunction` that explores ε-greedily: acting, the exploration rate and the
/// inspection view come from those two parts.
public protocol QFunctionAgent: Agent {
    var qFunction: QFunction { get }
    var exploration: EpsilonGreedy { get }
    /// Environment steps observed so far.
    var steps: Int { get }
    /// The step that moves θ towards the targets, as the notes write it with this agent's current numbers,
    /// for the explain panel (which data, how many gradient steps, which optimizer).
    var updateStep: String { get }
}

extension QFunctionAgent {
    public var observationCount: Int { qFunction.observationCount }
    public var actionCount: Int { qFunction.actionCount }

    /// The exploration rate now.
    public var epsilon: Double { exploration.epsilon(at: steps, hyperparameters: hyperparameters) }

    public func act(_ observation: UnsafeBufferPointer<Float>) -> Int {
        exploration.action(observation, q: qFunction, step: steps, hyperparameters: hyperparameters)
    }

    public func actGreedily(_ observation: UnsafeBufferPointer<Float>) -> Int { qFunction.greedyAction(observation) }
    public func startEpisode(in environment: any Environment) {}
    public var networks: [String: any FeedForwardNetwork] { ["q": qFunction.network] }
    public var optimizers: [String: any StatefulOptimizer] { qFunction.statefulOptimizer.map { ["q": $0] } ?? [:] }
    public var targetNetworks: [String: any FeedForwardNetwork] { qFunction.target.map { ["q": $0] } ?? [:] }
    public var explorationRate: Double? { epsilon }
    public var idleHyperparameters: [HyperparameterKey: String] {
        let decay = exploration.decaySteps(hyperparameters)
        guard steps >= decay else { return [:] }
        return [.epsilonStart: "ε's decay ended at this agent's step \(decay): ε = ε₁"]
    }
    public func qValues(for observation: [Float]) -> [Float] { qFunction.values(for: observation) }
    public var lastLoss: Float? { qFunction.lastLoss }
    public var lastTDErrors: [Float] { qFunction.tdErrors }
    public var lastUpdate: UpdateExplanation? {
        guard var explanation = qFunction.lastExplanation else { return nil }
        explanation.step = updateStep
        return explanation
    }
    public var gradientSteps: Int { qFunction.gradientSteps }
    public var lastValueFit: ValueFitReading? { qFunction.lastFit }
    public var failure: String? { qFunction.failure }

    /// What every Q-function agent has: θ, θ⁻ and the optimizer's state (`q.`), the exploration stream and the step count that
    /// drives ε.
    func saveQLearningState(into part: inout StatePart) {
        part.storing("q", qFunction.savedState)
        part.storing("exploration", exploration.savedState)
        part.set("steps", integer: steps)
    }

    /// Restores what `saveQLearningState` wrote; returns the step count.
    func restoreQLearningState(from part: StatePart) throws(StatePartError) -> Int {
        try part.restoring("q", qFunction.restoreState)
        try part.restoring("exploration", exploration.restoreState)
        return try part.integer("steps")
    }
}
