import NeuralNet
import RLCore

/// Online Q-iteration (the notes' "online Q-iteration algorithm"): take an action, observe one transition
/// (s, a, r, s′), set y = r + γ·max_a′ Q_φ(s′,a′) (y = r when s′ is terminal), and take the notes' step
///
///     φ ← φ − α·∇φQ_φ(s,a)·(Q_φ(s,a) − y)
///
/// — plain gradient descent on ½(Q_φ(s,a) − y)², with no momentum and no clipping. No replay and no target
/// network: consecutive samples are correlated, the target moves with every step and nothing bounds a step,
/// the instability DQN's two mechanisms address. With `--adam` the step is Adam on (Q_φ(s,a) − y)² with the
/// gradient norm clipped to ‖g‖max instead: steadier, but no longer the notes' update.
public final class OnlineQAgent: QFunctionAgent {
    public let algorithm = Algorithm.onlineQ
    public let options: AgentOptions
    public private(set) var hyperparameters: Hyperparameters
    public let qFunction: QFunction
    public let exploration: EpsilonGreedy
    /// The one transition of the current update.
    private var transition: TransitionColumns
    private let weights: [Float] = [1]
    public private(set) var steps = 0

    public init(_ configuration: AgentConfiguration) {
        options = configuration.options
        hyperparameters = configuration.hyperparameters
        qFunction = QFunction(configuration, loss: options.adam ? .meanSquaredError : .halfSquaredError,
                              step: options.adam ? .adam : .plain, separateTarget: false, batchSize: 1)
        exploration = EpsilonGreedy(generator: configuration.seed.generator(for: "exploration"), totalSteps: configuration.totalSteps)
        transition = TransitionColumns(rows: 1, observationCount: configuration.observationCount)
    }

    /// The whole algorithm: one transition, one target, one gradient step.
    public func observe(observation: UnsafeBufferPointer<Float>, action: Int, outcome: StepOutcome,
                        nextObservation: UnsafeBufferPointer<Float>, environment: any Environment) {
        steps += 1
        transition.write(row: 0, observation: observation, action: action, reward: Float(outcome.reward),
                         nextObservation: nextObservation, terminated: outcome.terminated, truncated: outcome.truncated)
        qFunction.computeTargets(transition, gamma: hyperparameters[.gamma], double: false)
        // The notes' step has no clipping; only the Adam option keeps its ‖g‖max.
        let clip = options.adam ? hyperparameters[.maxGradientNorm] : nil
        qFunction.fit(transition, weights: weights, maxGradientNorm: clip)
    }

    public var updateStep: String {
        let alpha = HyperparameterSpec.format(hyperparameters[.learningRate])
        if options.adam {
            let norm = HyperparameterSpec.format(hyperparameters[.maxGradientNorm])
            return "φ ← φ − Adam step (α = \(alpha)) on ∇(Q − y)², ‖g‖ clipped to \(norm) (--adam)"
        }
        return "φ ← φ − α·∇Q(s,a)·(Q(s,a) − y), α = \(alpha): one plain step on this transition"
    }

    public func setHyperparameter(_ key: HyperparameterKey, to value: Double) throws(HyperparameterError) {
        try hyperparameters.setLive(key, to: value)
        qFunction.apply(key, value)
    }

    /// θ (and Adam with `--adam`), the exploration stream and the step count that drives ε.
    public func saveState(into part: inout StatePart) { saveQLearningState(into: &part) }

    public func restoreState(from part: StatePart) throws(StatePartError) { steps = try restoreQLearningState(from: part) }
}

extension Algorithm {
    public static let onlineQ = Algorithm(
        name: "online-q", displayName: "online Q",
        summary: "online Q-iteration: one transition, one target, one plain step φ ← φ − α·∇Q·(Q − y) (unstable)",
        options: [.adam],
        defaults: [
            .gamma: 0.99, .hiddenSize: 64, .hiddenLayers: 2, .maxGradientNorm: 10, .epsilonStart: 1, .learningRate: 1e-3, .epsilonEnd: 0.05, .explorationFraction: 0.3,
        ],
        make: { configuration in OnlineQAgent(configuration) })
}
