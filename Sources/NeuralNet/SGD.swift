/// Plain stochastic gradient descent: θ ← θ − α·g.
public final class SGD: Optimizer {
    public let network: MLP
    public var learningRate: Float

    public init(network: MLP, learningRate: Float) {
        self.network = network
        self.learningRate = learningRate
    }

    public func step() {
        let parameters = network.parameters.base, gradients = network.gradients.base
        let rate = SIMD8<Float>(repeating: learningRate)
        // Zero padding after the last parameter lets the loop round up to whole vectors.
        for index in stride(from: 0, to: network.parameterCount, by: 8) {
            (SIMD8.load(parameters + index) - rate * SIMD8.load(gradients + index)).store(parameters + index)
        }
    }
}
