import NeuralNet
import RLCore

/// Online Q-iteration (the notes' "online Q-iteration algorithm"): take an action, observe one transition
/// (s, a, r, s′), set y = r + γ·max_a′ Q_φ(s′,a′) (y = r when s′ is terminal), and take one gradient step
/// on the squared error (Q_φ(s,a) − y)² (the notes' ½ only rescales the step size). No replay and no target network: consecutive samples are correlated and the
/// target moves with every step, the instability DQN's two mechanisms address.
public final class OnlineQAgent: QFunctionAgent {
    public let algorithm = Algorithm.onlineQ
    public let options = AgentOptions()
    public private(set) var hyperparameters: Hyperparameters
    public let qFunction: QFunction
    public let exploration: EpsilonGreedy
    /// The one transition of the current update.
    private var transition: TransitionColumns
    private let weights: [Float] = [1]
    public private(set) var steps = 0

    public init(_ configuration: AgentConfiguration) {
        hyperparameters = configuration.hyperparameters
        qFunction = QFunction(configuration, loss: .meanSquaredError, separateTarget: false, batchSize: 1)
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
        qFunction.fit(transition, weights: weights, maxGradientNorm: hyperparameters[.maxGradientNorm])
    }

    public func setHyperparameter(_ key: HyperparameterKey, to value: Double) throws(HyperparameterError) {
        try hyperparameters.setLive(key, to: value)
        qFunction.apply(key, value)
    }
}

extension Algorithm {
    public static let onlineQ = Algorithm(
        name: "online-q", displayName: "online Q",
        summary: "online Q-iteration: one transition, one target, one gradient step (unstable)",
        defaults: [
            .gamma: 0.99, .hiddenSize: 64, .hiddenLayers: 2, .maxGradientNorm: 10, .epsilonStart: 1, .learningRate: 1e-3, .epsilonEnd: 0.05, .explorationFraction: 0.3,
        ],
        make: { configuration in OnlineQAgent(configuration) })
}
