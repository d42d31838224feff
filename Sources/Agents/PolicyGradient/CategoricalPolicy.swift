import NeuralNet
import RLCore

/// A stochastic policy πθ(a|s) = softmax(z(s))ₐ over discrete actions, with z an MLP of tanh hidden layers,
/// its Adam optimizer and the random stream it samples actions from. `step` takes one policy-gradient
/// step on the surrogate L = −(1/N)·Σᵢ [Ψᵢ·log πθ(aᵢ|sᵢ) + β·H(πθ(·|sᵢ))].
///
/// A step whose loss or gradient is not finite is refused before it reaches the parameters and recorded
/// in `failure`, so θ (and any checkpoint of it) never holds NaN.
public final class CategoricalPolicy {
    public let network: MLP
    public let optimizer: Adam
    public var loss: PolicyGradientLoss
    /// The loss and mean entropy of the last step.
    public internal(set) var lastResult: PolicyGradientLoss.Result?
    /// The number of gradient steps taken.
    public internal(set) var gradientSteps = 0
    /// Why the policy stopped learning (non-finite logits, loss or gradient), nil while it is healthy.
    public private(set) var failure: String?
    var generator: Xoshiro256StarStar
    private var psi: [Float] = []

    /// A policy network `observationCount → hiddenSize × hiddenLayers → actionCount`, initialised from
    /// `initGenerator`, sampling from `sampleGenerator`.
    public init(observationCount: Int, actionCount: Int, hiddenSize: Int, hiddenLayers: Int, learningRate: Double,
                entropyCoefficient: Double, initGenerator: inout Xoshiro256StarStar, sampleGenerator: Xoshiro256StarStar) {
        let sizes = [observationCount] + [Int](repeating: hiddenSize, count: hiddenLayers) + [actionCount]
        network = MLP(sizes: sizes, activation: .tanh, generator: &initGenerator)
        optimizer = Adam(network: network, learningRate: Float(learningRate))
        loss = PolicyGradientLoss(entropyCoefficient: Float(entropyCoefficient))
        generator = sampleGenerator
    }

    /// The policy of an agent: its shape (H, L), α_π and β_H from the configuration's hyperparameters, actions
    /// drawn from the run's "policy" stream.
    convenience init(_ configuration: AgentConfiguration, initGenerator: inout Xoshiro256StarStar) {
        let h = configuration.hyperparameters
        self.init(observationCount: configuration.observationCount, actionCount: configuration.actionCount,
                  hiddenSize: h.integer(.hiddenSize), hiddenLayers: h.integer(.hiddenLayers), learningRate: h[.policyLearningRate],
                  entropyCoefficient: h[.entropyCoefficient], initGenerator: &initGenerator,
                  sampleGenerator: configuration.seed.generator(for: "policy"))
    }

    public var observationCount: Int { network.inputSize }
    public var actionCount: Int { network.outputSize }

    /// a ~ πθ(·|s). Non-finite logits set `failure` and give action 0.
    public func sample(_ observation: UnsafeBufferPointer<Float>) -> Int {
        let logits = network.forward(observation, batch: 1).row(0)
        guard logits.allSatisfy(\.isFinite) else {
            failure = failure ?? "the policy produced non-finite logits \(Array(logits)); stopping"
            return 0
        }
        return Categorical.sample(logits, generator: &generator)
    }

    /// argmax_a πθ(a|s), the lowest action among equal probabilities.
    public func greedyAction(_ observation: UnsafeBufferPointer<Float>) -> Int {
        let logits = network.forward(observation, batch: 1).row(0)
        var best = 0
        for action in 1..<logits.count where logits[action] > logits[best] { best = action }
        return best
    }

    /// πθ(·|s) for one observation (allocates; for inspection).
    public func probabilities(for observation: [Float]) -> [Float] {
        precondition(observation.count == observationCount, "an observation holds \(observationCount) floats")
        var result = [Float](repeating: 0, count: actionCount)
        observation.withUnsafeBufferPointer { input in
            let logits = network.forward(input, batch: 1).row(0)
            result.withUnsafeMutableBufferPointer { Categorical.softmax(logits, into: $0) }
        }
        return result
    }

    /// Forward and backward passes of the surrogate over `actions.count` rows of `observations`, leaving
    /// ∂L/∂θ in the network's gradients (not applied); returns L and the mean entropy.
    @discardableResult
    public func backpropagate(observations: UnsafeBufferPointer<Float>, actions: [Int], psi weights: [Double],
                              rowWeights: [Float]? = nil) -> PolicyGradientLoss.Result {
        precondition(weights.count == actions.count, "one Ψ per action")
        psi.removeAll(keepingCapacity: true)
        for weight in weights { psi.append(Float(weight)) }
        let logits = network.forward(observations, batch: actions.count)
        let result = loss.evaluate(logits: logits, actions: actions, psi: psi, weights: rowWeights, gradient: network.outputGradient)
        network.backward()
        return result
    }

    /// One Adam step on the surrogate with weights Ψ; refused (and `failure` set) when the loss or the
    /// gradient is not finite. Returns whether the step was taken.
    @discardableResult
    public func step(observations: [Float], actions: [Int], psi weights: [Double]) -> Bool {
        guard failure == nil else { return false }
        let result = observations.withUnsafeBufferPointer { backpropagate(observations: $0, actions: actions, psi: weights) }
        let norm = network.gradientNorm()
        guard result.loss.isFinite, norm.isFinite else {
            failure = "the policy loss (\(result.loss)) or its gradient norm (\(norm)) is not finite; stopping before the update"
            return false
        }
        optimizer.step()
        lastResult = result
        gradientSteps += 1
        return true
    }
}
