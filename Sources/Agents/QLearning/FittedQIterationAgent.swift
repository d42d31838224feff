import NeuralNet
import RLCore

/// Full fitted Q-iteration (the notes' "full fitted Q-iteration algorithm"):
///
/// 1. collect |D| more transitions (s, a, r, s′) with the current ε-greedy policy into the dataset D;
/// 2. repeat I times: set yᵢ ← rᵢ + γ·max_a′ Q_φ(s′ᵢ,a′) with φ frozen (no bootstrap through a terminal
///    s′, bootstrap through a truncated one), then regress φ ← argmin ½·Σᵢ‖Q_φ(sᵢ,aᵢ) − yᵢ‖². The argmin is
///    not solved: it is approximated by G Adam steps, each on a minibatch of B transitions drawn uniformly
///    (with replacement) from D, starting from the φ of the last iteration;
/// 3. collect again with the improved policy.
///
/// D keeps the transitions of earlier rounds too (up to N, the oldest dropped first), as neural fitted Q
/// iteration (Riedmiller 2005) does: a round's data alone covers only where the current policy goes, and
/// fitting on it alone forgets the values of everywhere else.
public final class FittedQIterationAgent: QFunctionAgent {
    public let algorithm = Algorithm.fqi
    public let options = AgentOptions()
    public private(set) var hyperparameters: Hyperparameters
    /// φ, with `qFunction.target` holding the frozen φ the targets of an iteration come from.
    public let qFunction: QFunction
    /// D, the last N transitions collected.
    private let dataset: ReplayBuffer
    /// Transitions collected since the last fit.
    private var collected = 0
    private var batch: ReplayBatch
    public let exploration: EpsilonGreedy
    private var sampling: Xoshiro256StarStar
    public private(set) var steps = 0
    /// Completed collect-and-fit rounds.
    public private(set) var rounds = 0

    public init(_ configuration: AgentConfiguration) {
        let h = configuration.hyperparameters
        hyperparameters = h
        qFunction = QFunction(configuration, loss: .meanSquaredError, separateTarget: true, batchSize: h.integer(.batchSize))
        dataset = ReplayBuffer(capacity: h.integer(.bufferSize), storage: configuration.replayStorage)
        batch = ReplayBatch(size: h.integer(.batchSize), observationCount: configuration.observationCount)
        exploration = EpsilonGreedy(generator: configuration.seed.generator(for: "exploration"), totalSteps: configuration.totalSteps)
        sampling = configuration.seed.generator(for: "replay")
    }

    public func observe(observation: UnsafeBufferPointer<Float>, action: Int, outcome: StepOutcome,
                        nextObservation: UnsafeBufferPointer<Float>, environment: any Environment) {
        steps += 1
        dataset.add(observation: observation, action: action, reward: Float(outcome.reward), nextObservation: nextObservation,
                    terminated: outcome.terminated, truncated: outcome.truncated)
        collected += 1
        if collected >= hyperparameters.integer(.collectSteps) {
            fit()
        }
    }

    public var updateStep: String {
        let h = hyperparameters
        let count = { (key: HyperparameterKey) in HyperparameterSpec.format(h[key]) }
        return "φ ← argmin_φ ½Σᵢ‖Q_φ(sᵢ,aᵢ) − yᵢ‖² ≈ G = \(count(.gradientSteps)) Adam steps "
            + "(α = \(count(.learningRate))) on minibatches of B = \(count(.batchSize)) from D; "
            + "y recomputed I = \(count(.fittingIterations)) times per round; "
            + "D accumulates: \(dataset.count) transitions, \(count(.collectSteps)) more per round, "
            + "up to N = \(count(.bufferSize))"
    }

    /// Step 2: I fitting iterations on D.
    func fit() {
        for _ in 0..<hyperparameters.integer(.fittingIterations) {
            qFunction.updateTarget(tau: 1)
            for _ in 0..<hyperparameters.integer(.gradientSteps) {
                dataset.sample(into: &batch, using: &sampling)
                qFunction.computeTargets(batch.transitions, gamma: hyperparameters[.gamma], double: false)
                qFunction.fit(batch.transitions, weights: batch.weights, maxGradientNorm: hyperparameters[.maxGradientNorm])
            }
        }
        rounds += 1
        collected = 0
    }

    public func setHyperparameter(_ key: HyperparameterKey, to value: Double) throws(HyperparameterError) {
        try hyperparameters.setLive(key, to: value)
        qFunction.apply(key, value)
        if key == .batchSize {
            batch = ReplayBatch(size: Int(value), observationCount: observationCount)
        }
    }

    /// θ, φ and Adam (`q.`), the dataset D, the transitions collected towards the next round, the streams, the
    /// step count that drives ε and the rounds fitted.
    public func saveState(into part: inout StatePart) {
        saveQLearningState(into: &part)
        part.storing("dataset", dataset.savedState)
        part.set("collected", integer: collected)
        part.set("sampling_generator", generator: sampling)
        part.set("rounds", integer: rounds)
    }

    public func restoreState(from part: StatePart) throws(StatePartError) {
        steps = try restoreQLearningState(from: part)
        try part.restoring("dataset", dataset.restoreState)
        collected = try part.integer("collected")
        sampling = try part.generator("sampling_generator")
        rounds = try part.integer("rounds")
    }
}

extension Algorithm {
    public static let fqi = Algorithm(
        name: "fqi", displayName: "FQI",
        summary: "full fitted Q-iteration: add |D| transitions to a growing dataset D, then I times: "
            + "y ← r + γ·max Q(s′), argmin ½Σ(Q − y)² approximated by G minibatch steps",
        defaults: [
            .gamma: 0.99, .hiddenSize: 64, .hiddenLayers: 2, .maxGradientNorm: 10, .epsilonStart: 1, .learningRate: 1e-3, .batchSize: 64, .bufferSize: 50_000, .gradientSteps: 50,
            .epsilonEnd: 0.05, .explorationFraction: 0.3, .collectSteps: 1000, .fittingIterations: 10,
        ],
        make: { configuration in FittedQIterationAgent(configuration) })
}
