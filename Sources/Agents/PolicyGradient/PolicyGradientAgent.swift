import NeuralNet
import RLCore

/// An agent built around a `CategoricalPolicy` and, usually, a `StateValueFunction`: acting, the
/// checkpointed networks ("pi", "v") and the inspection view come from them.
public protocol PolicyGradientAgent: Agent {
    var policy: CategoricalPolicy { get }
    var valueFunction: StateValueFunction? { get }
}

extension PolicyGradientAgent {
    public var observationCount: Int { policy.observationCount }
    public var actionCount: Int { policy.actionCount }
    /// a ~ πθ(·|s): a policy-gradient agent explores by sampling its own policy.
    public func act(_ observation: UnsafeBufferPointer<Float>) -> Int { policy.sample(observation) }
    /// argmax_a πθ(a|s).
    public func actGreedily(_ observation: UnsafeBufferPointer<Float>) -> Int { policy.greedyAction(observation) }
    public func startEpisode(in environment: any Environment) {}
    public var networks: [String: any FeedForwardNetwork] {
        var networks: [String: any FeedForwardNetwork] = ["pi": policy.network]
        if let valueFunction { networks["v"] = valueFunction.network }
        return networks
    }
    public var optimizers: [String: any StatefulOptimizer] {
        var optimizers: [String: any StatefulOptimizer] = ["pi": policy.optimizer]
        if let valueFunction { optimizers["v"] = valueFunction.optimizer }
        return optimizers
    }
    public var targetNetworks: [String: any FeedForwardNetwork] { [:] }
    public var explorationRate: Double? { nil }
    public func actionProbabilities(for observation: [Float]) -> [Float]? { policy.probabilities(for: observation) }
    public func stateValue(for observation: [Float]) -> Float? { valueFunction?.value(for: observation) }
    /// The policy surrogate's loss of the last update.
    public var lastLoss: Float? { policy.lastResult?.loss }
    public var lastLosses: [String: Float] {
        var losses: [String: Float] = [:]
        if let result = policy.lastResult {
            losses["policy"] = result.loss
            losses["entropy"] = result.meanEntropy
        }
        if let loss = valueFunction?.lastLoss { losses["value"] = loss }
        return losses
    }
    public var gradientSteps: Int { policy.gradientSteps + (valueFunction?.gradientSteps ?? 0) }
    public var lastValueFit: ValueFitReading? { valueFunction?.lastFit }
    public var failure: String? { policy.failure ?? valueFunction?.failure }

    /// Applies a live change to the policy's and value function's optimizers and loss.
    /// The policy (`policy.`) and the value function (`value.`) when there is one.
    func saveNetworks(into part: inout StatePart) {
        part.storing("policy", policy.savedState)
        if let valueFunction { part.storing("value", valueFunction.savedState) }
    }

    func restoreNetworks(from part: StatePart) throws(StatePartError) {
        try part.restoring("policy", policy.restoreState)
        if let valueFunction { try part.restoring("value", valueFunction.restoreState) }
    }

    /// A batch agent's state: its networks, the batch in progress (`rollout.`) and its epochs.
    func saveBatchState(into part: inout StatePart, rollout: Rollout, epochs: Int) {
        saveNetworks(into: &part)
        part.storing("rollout", rollout.savedState)
        part.set("epochs", integer: epochs)
    }

    /// Restores what `saveBatchState` wrote; returns the epochs.
    func restoreBatchState(from part: StatePart, rollout: inout Rollout) throws(StatePartError) -> Int {
        try restoreNetworks(from: part)
        try part.restoring("rollout") { saved throws(StatePartError) in try rollout.restoreState(from: saved) }
        return try part.integer("epochs")
    }

    func applyToNetworks(_ key: HyperparameterKey, _ value: Double) {
        switch key {
        case .policyLearningRate: policy.optimizer.learningRate = Float(value)
        case .valueLearningRate: valueFunction?.optimizer.learningRate = Float(value)
        case .entropyCoefficient: policy.loss.entropyCoefficient = Float(value)
        default: break
        }
    }
}
