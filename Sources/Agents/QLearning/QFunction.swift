import NeuralNet
import RLCore

/// A Q-network Q(s,·;θ) with one output per action, its optimizer and, when asked for, a second network
/// θ⁻ to bootstrap from. It does the two things every Q-learning method in rlterm shares — regression
/// targets y = r + γ·(1 − terminated)·Q(s′, a′; θ⁻) and one gradient step on Q(s,a;θ) towards them —
/// while each algorithm decides where the transitions come from and when θ⁻ moves.
///
/// Workspaces are sized for `batchSize` rows; `resize(batchSize:)` regrows them between updates, so a
/// steady-state update allocates nothing.
public final class QFunction {
    /// The online network θ: an `MLP` on a vector observation, or the MinAtar paper's convolutional network
    /// on an image (`Architecture`).
    public let network: any FeedForwardNetwork
    /// θ⁻: a target network (DQN) or the frozen φ of a fitting iteration (FQI); nil bootstraps from θ.
    public let target: (any FeedForwardNetwork)?
    /// How θ moves along the loss gradient: Adam, centered RMSProp or a plain step.
    public let step: Step
    /// The optimizer that takes that step.
    public let optimizer: any Optimizer
    /// The optimizer when it keeps per-parameter state (Adam's moments, RMSProp's averages), which a
    /// checkpoint keeps; nil for the plain step, which keeps none.
    public let statefulOptimizer: (any StatefulOptimizer)?
    public let loss: RegressionLoss
    public private(set) var targets: [Float]
    /// δᵢ = yᵢ − Q(sᵢ,aᵢ;θ) of the last update's rows.
    public private(set) var tdErrors: [Float]
    /// The loss of the last update.
    public internal(set) var lastLoss: Float?
    /// The largest |Q(sᵢ,aᵢ;θ)| and |yᵢ| of the last update's rows, and its loss.
    public private(set) var lastFit: ValueFitReading?
    /// The first row of the last update, with its numbers.
    public private(set) var lastExplanation: UpdateExplanation?
    /// The number of gradient steps taken.
    public internal(set) var gradientSteps = 0
    /// Why learning stopped: an update whose loss or gradient was not finite (diverged values, a learning rate
    /// far too large). That update and every later one are refused, so θ keeps its last finite values.
    public private(set) var failure: String?
    /// When set, every target y is clipped into this range: the returns an agent can possibly earn, so a
    /// bootstrapped overestimate cannot feed on itself (HER clips to [−1/(1−γ), 0] for rewards in {−1, 0}).
    /// nil, the default, leaves targets as computed.
    public var targetBounds: ClosedRange<Float>?
    private var bestNextActions: [Int]

    /// The step θ takes along ∇θL.
    public enum Step: Sendable {
        /// Adam (PyTorch's defaults) at step size α: the step of DQN and FQI on vector observations.
        case adam
        /// Centered RMSProp at step size α with the MinAtar paper's α = 0.95 and ε = 0.01
        /// (`RMSProp.minAtarDQN`): the step of DQN on an image.
        case centeredRMSProp
        /// θ ← θ − α·∇θL and nothing else (plain SGD, no momentum): the notes' online Q-iteration step.
        case plain
    }

    /// The network Q(s,·;θ) is.
    public enum Architecture: Sendable, Equatable {
        /// `hiddenLayers` ReLU layers of `hiddenSize` units on the flat observation.
        case perceptron(hiddenSize: Int, hiddenLayers: Int)
        /// The MinAtar paper's network (Young & Tian 2019): a 3 × 3 convolution of `filters` filters with ReLU
        /// on the image, then `hiddenLayers` ReLU layers of `hiddenSize` units (the paper: 16 filters, one layer
        /// of 128). The observation arrives [y][x][c] and is transposed to NCHW inside the network.
        case convolutional(image: ObservationImage, filters: Int, hiddenSize: Int, hiddenLayers: Int)

        /// The filters of the MinAtar paper's convolution.
        public static let paperFilters = 16

        /// The network for an environment's observation: convolutional on an image, else a perceptron.
        public static func forObservation(_ image: ObservationImage?, hiddenSize: Int, hiddenLayers: Int) -> Architecture {
            guard let image else { return .perceptron(hiddenSize: hiddenSize, hiddenLayers: hiddenLayers) }
            return .convolutional(image: image, filters: paperFilters, hiddenSize: hiddenSize, hiddenLayers: hiddenLayers)
        }

        /// A network of this architecture, initialised from `generator` as PyTorch initialises its layers.
        func makeNetwork(observationCount: Int, actionCount: Int, generator: inout Xoshiro256StarStar,
                         batchCapacity: Int) -> any FeedForwardNetwork {
            switch self {
            case .perceptron(let hiddenSize, let hiddenLayers):
                let sizes = [observationCount] + [Int](repeating: hiddenSize, count: hiddenLayers) + [actionCount]
                return MLP(sizes: sizes, activation: .relu, generator: &generator, batchCapacity: batchCapacity)
            case .convolutional(let image, let filters, let hiddenSize, let hiddenLayers):
                precondition(image.count == observationCount, "an image of \(image.count) floats, observations of \(observationCount)")
                return ConvolutionalNetwork(
                    inputChannels: image.channels, height: image.height, width: image.width, filters: filters,
                    hiddenSizes: [Int](repeating: hiddenSize, count: hiddenLayers), outputCount: actionCount,
                    inputLayout: .channelsLast, generator: &generator, batchCapacity: batchCapacity)
            }
        }
    }

    /// A network of `architecture`, initialised from `generator`; the target network, when `separateTarget`,
    /// starts as an exact copy.
    public init(observationCount: Int, actionCount: Int, architecture: Architecture, learningRate: Double,
                loss: RegressionLoss, step: Step = .adam, separateTarget: Bool, batchSize: Int,
                generator: inout Xoshiro256StarStar) {
        network = architecture.makeNetwork(observationCount: observationCount, actionCount: actionCount,
                                           generator: &generator, batchCapacity: batchSize)
        if separateTarget {
            // Drawn from a copy of the stream and then overwritten, so θ's draws are the same either way.
            var copyGenerator = generator
            let target = architecture.makeNetwork(observationCount: observationCount, actionCount: actionCount,
                                                  generator: &copyGenerator, batchCapacity: batchSize)
            target.assignParameters(from: network)
            self.target = target
        } else {
            target = nil
        }
        self.step = step
        switch step {
        case .adam:
            guard let perceptron = network as? MLP else { preconditionFailure("Adam here trains an MLP") }
            let adam = Adam(network: perceptron, learningRate: Float(learningRate))
            optimizer = adam
            statefulOptimizer = adam
        case .centeredRMSProp:
            let rmsProp = RMSProp.minAtarDQN(network: network)
            rmsProp.learningRate = Float(learningRate)
            optimizer = rmsProp
            statefulOptimizer = rmsProp
        case .plain:
            guard let perceptron = network as? MLP else { preconditionFailure("the plain step here trains an MLP") }
            optimizer = SGD(network: perceptron, learningRate: Float(learningRate))
            statefulOptimizer = nil
        }
        self.loss = loss
        targets = [Float](repeating: 0, count: batchSize)
        tdErrors = [Float](repeating: 0, count: batchSize)
        bestNextActions = [Int](repeating: 0, count: batchSize)
    }

    /// An MLP of `hiddenLayers` ReLU layers of `hiddenSize` units, initialised from `generator`.
    public convenience init(observationCount: Int, actionCount: Int, hiddenSize: Int, hiddenLayers: Int, learningRate: Double,
                            loss: RegressionLoss, step: Step = .adam, separateTarget: Bool, batchSize: Int,
                            generator: inout Xoshiro256StarStar) {
        self.init(observationCount: observationCount, actionCount: actionCount,
                  architecture: .perceptron(hiddenSize: hiddenSize, hiddenLayers: hiddenLayers), learningRate: learningRate,
                  loss: loss, step: step, separateTarget: separateTarget, batchSize: batchSize, generator: &generator)
    }

    /// The network an agent's configuration describes (`hidden`, `layers`, `lr`), initialised from the run's
    /// "init" stream: an MLP, or with `imageNetwork` and an observation the environment describes as an image,
    /// the convolutional network trained with centered RMSProp.
    public convenience init(_ configuration: AgentConfiguration, loss: RegressionLoss, step: Step = .adam,
                            separateTarget: Bool, batchSize: Int, imageNetwork: Bool = false) {
        let h = configuration.hyperparameters
        var generator = configuration.seed.generator(for: "init")
        let architecture = Architecture.forObservation(
            imageNetwork ? configuration.observationImage : nil, hiddenSize: h.integer(.hiddenSize),
            hiddenLayers: h.integer(.hiddenLayers))
        let step: Step = if case .convolutional = architecture { .centeredRMSProp } else { step }
        self.init(observationCount: configuration.observationCount, actionCount: configuration.actionCount,
                  architecture: architecture, learningRate: h[.learningRate], loss: loss, step: step,
                  separateTarget: separateTarget, batchSize: batchSize, generator: &generator)
    }

    /// Applies a hyperparameter change that concerns the Q-function: the learning rate, the batch size.
    public func apply(_ key: HyperparameterKey, _ value: Double) {
        switch key {
        case .learningRate: optimizer.learningRate = Float(value)
        case .batchSize: resize(batchSize: Int(value))
        default: break
        }
    }

    public var observationCount: Int { network.inputSize }
    public var actionCount: Int { network.outputSize }
    public var batchSize: Int { targets.count }

    /// Regrows the workspaces for minibatches of `batchSize` rows (allocates; call between updates).
    public func resize(batchSize: Int) {
        guard batchSize != targets.count else { return }
        targets = [Float](repeating: 0, count: batchSize)
        tdErrors = [Float](repeating: 0, count: batchSize)
        bestNextActions = [Int](repeating: 0, count: batchSize)
        network.reserveBatchCapacity(batchSize)
        target?.reserveBatchCapacity(batchSize)
    }

    /// argmax_a Q(s,a;θ), the lowest action among equal values.
    public func greedyAction(_ observation: UnsafeBufferPointer<Float>) -> Int {
        Self.argmax(network.forward(observation, batch: 1).row(0))
    }

    /// Q(s,·;θ) for one observation (allocates; for inspection).
    public func values(for observation: [Float]) -> [Float] {
        precondition(observation.count == observationCount, "an observation holds \(observationCount) floats")
        return Array(observation.withUnsafeBufferPointer { network.forward($0, batch: 1) }.row(0))
    }

    /// yᵢ = rᵢ + γ·Q(s′ᵢ, a′ᵢ; θ⁻), with yᵢ = rᵢ when s′ᵢ is terminal; a truncated s′ still bootstraps;
    /// clipped into `targetBounds` when those are set.
    /// a′ᵢ = argmax_a′ Q(s′ᵢ,a′;θ⁻), or argmax_a′ Q(s′ᵢ,a′;θ) with `double` (van Hasselt et al. 2016).
    public func computeTargets(_ batch: TransitionColumns, gamma: Double, double: Bool) {
        precondition(batch.rowCount == batchSize, "the batch has \(batch.rowCount) rows, the workspace \(batchSize)")
        let rows = batch.rowCount
        let evaluator = target ?? network
        if double {
            let online = batch.nextObservations.withUnsafeBufferPointer { network.forward($0, batch: rows) }
            for row in 0..<rows { bestNextActions[row] = Self.argmax(online.row(row)) }
        }
        let next = batch.nextObservations.withUnsafeBufferPointer { evaluator.forward($0, batch: rows) }
        let discount = Float(gamma)
        var firstBootstrap: Float = 0
        for row in 0..<rows {
            let values = next.row(row)
            let action = double ? bestNextActions[row] : Self.argmax(values)
            // The crucial distinction: a terminal s′ has no future; a truncated one does.
            let bootstrap = batch.terminated[row] ? 0 : values[action]
            let target = batch.rewards[row] + discount * bootstrap
            targets[row] = targetBounds.map { min(max(target, $0.lowerBound), $0.upperBound) } ?? target
            if row == 0 { firstBootstrap = bootstrap }
        }
        lastExplanation = UpdateExplanation(
            reward: batch.rewards[0], gamma: discount, nextValue: firstBootstrap,
            terminated: batch.terminated[0], truncated: batch.truncated[0], double: double, separateTarget: target != nil,
            action: batch.actions[0], target: targets[0], prediction: 0)
    }

    /// One gradient step on L = (1/B)·Σᵢ wᵢ·ℓ(Q(sᵢ,aᵢ;θ) − yᵢ) towards the targets of `computeTargets`,
    /// with the gradient norm clipped to `maxGradientNorm` (nil: not clipped); records δᵢ (and `lastFit`) and
    /// returns L. A step whose loss or gradient norm is not finite is not taken and sets `failure`; after that
    /// every call returns at once.
    @discardableResult
    public func fit(_ batch: TransitionColumns, weights: [Float], maxGradientNorm: Double?) -> Float {
        guard failure == nil else { return .nan }
        let rows = batch.rowCount
        let q = batch.observations.withUnsafeBufferPointer { network.forward($0, batch: rows) }
        var largestPrediction: Float = 0
        var largestTarget: Float = 0
        for row in 0..<rows {
            let prediction = q[row, batch.actions[row]]
            tdErrors[row] = targets[row] - prediction
            largestPrediction = max(largestPrediction, abs(prediction))
            largestTarget = max(largestTarget, abs(targets[row]))
        }
        lastExplanation?.prediction = q[0, batch.actions[0]]
        let value = loss.evaluate(predictions: q, actions: batch.actions, targets: targets, weights: weights,
                                  gradient: network.outputGradient)
        network.backward()
        let norm = maxGradientNorm.map { network.clipGradientNorm(maxNorm: Float($0)) } ?? network.gradientNorm()
        guard value.isFinite, norm.isFinite else {
            failure = "the Q loss (\(value)) or its gradient norm (\(norm)) is not finite; stopping before the update"
            return value
        }
        optimizer.step()
        gradientSteps += 1
        lastLoss = value
        lastFit = ValueFitReading(symbol: "Q", largestPrediction: largestPrediction, largestTarget: largestTarget,
                                  loss: value)
        return value
    }

    /// θ⁻ ← τ·θ + (1 − τ)·θ⁻ (τ = 1 copies θ exactly).
    public func updateTarget(tau: Double) {
        guard let target else { return }
        if tau == 1 {
            target.assignParameters(from: network)
        } else {
            target.averageParameters(towards: network, tau: Float(tau))
        }
    }

    /// The first index of the largest value.
    static func argmax(_ values: UnsafeBufferPointer<Float>) -> Int {
        var best = 0
        for index in 1..<values.count where values[index] > values[best] { best = index }
        return best
    }
}
