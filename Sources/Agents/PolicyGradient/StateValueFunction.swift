import NeuralNet
import RLCore

/// A learned state-value function V_φ(s) (the critic or baseline): an MLP of tanh hidden layers with one
/// output, fitted by Adam steps on the mean squared error (1/N)·Σᵢ (V_φ(sᵢ) − yᵢ)² to whatever targets yᵢ
/// an algorithm chooses (discounted returns, bootstrapped TD targets). A step whose loss or gradient is not
/// finite is refused and recorded in `failure`.
public final class StateValueFunction {
    public let network: MLP
    public let optimizer: Adam
    /// The loss of the last fitting step.
    public internal(set) var lastLoss: Float?
    /// The largest |V_φ(sᵢ)| and |yᵢ| of the last fitting step (before it), and its loss.
    public private(set) var lastFit: ValueFitReading?
    public internal(set) var gradientSteps = 0
    /// Why the value function stopped learning, nil while it is healthy.
    public private(set) var failure: String?
    private var targets: [Float] = []

    public init(observationCount: Int, hiddenSize: Int, hiddenLayers: Int, learningRate: Double,
                initGenerator: inout Xoshiro256StarStar) {
        let sizes = [observationCount] + [Int](repeating: hiddenSize, count: hiddenLayers) + [1]
        network = MLP(sizes: sizes, activation: .tanh, generator: &initGenerator)
        optimizer = Adam(network: network, learningRate: Float(learningRate))
    }

    /// The value function of an agent: the same shape (H, L) as its policy, α_V from the hyperparameters.
    convenience init(_ configuration: AgentConfiguration, initGenerator: inout Xoshiro256StarStar) {
        let h = configuration.hyperparameters
        self.init(observationCount: configuration.observationCount, hiddenSize: h.integer(.hiddenSize),
                  hiddenLayers: h.integer(.hiddenLayers), learningRate: h[.valueLearningRate], initGenerator: &initGenerator)
    }

    public var observationCount: Int { network.inputSize }

    /// V_φ(s) for one observation.
    public func value(_ observation: UnsafeBufferPointer<Float>) -> Double {
        Double(network.forward(observation, batch: 1)[0, 0])
    }

    /// V_φ(s) for one observation (for inspection).
    public func value(for observation: [Float]) -> Float {
        precondition(observation.count == observationCount, "an observation holds \(observationCount) floats")
        return observation.withUnsafeBufferPointer { network.forward($0, batch: 1)[0, 0] }
    }

    /// V_φ(sᵢ) for `count` observations stored row after row (an empty array when `count` is 0).
    public func values(_ observations: [Float], count: Int) -> [Double] {
        guard count > 0 else { return [] }
        let output = observations.withUnsafeBufferPointer { network.forward($0, batch: count) }
        return (0..<count).map { Double(output[$0, 0]) }
    }

    /// `iterations` full-batch Adam steps of V_φ(sᵢ) towards yᵢ; returns the last loss, or nil if a step was
    /// refused as non-finite.
    @discardableResult
    public func fit(observations: [Float], targets newTargets: [Double], iterations: Int) -> Float? {
        guard failure == nil else { return nil }
        targets.removeAll(keepingCapacity: true)
        for target in newTargets { targets.append(Float(target)) }
        let rows = targets.count
        for _ in 0..<iterations {
            let predictions = observations.withUnsafeBufferPointer { network.forward($0, batch: rows) }
            let loss = RegressionLoss.meanSquaredError.evaluate(predictions: predictions, targets: targets,
                                                                 gradient: network.outputGradient)
            var largestPrediction: Float = 0
            var largestTarget: Float = 0
            for row in 0..<rows {
                largestPrediction = max(largestPrediction, abs(predictions[row, 0]))
                largestTarget = max(largestTarget, abs(targets[row]))
            }
            network.backward()
            let norm = network.gradientNorm()
            guard loss.isFinite, norm.isFinite else {
                failure = "the value loss (\(loss)) or its gradient norm (\(norm)) is not finite; stopping before the update"
                return nil
            }
            optimizer.step()
            gradientSteps += 1
            lastLoss = loss
            lastFit = ValueFitReading(symbol: "V", largestPrediction: largestPrediction, largestTarget: largestTarget,
                                      loss: loss)
        }
        return lastLoss
    }
}
