import Agents
import NeuralNet
import RLCore

/// Reads the policy-gradient estimate ĝ = ∇θ (1/N)·Σᵢ Ψᵢ·log πθ(aᵢ|sᵢ) of a policy as a vector, without
/// changing the policy: one plain SGD step of size 1 on the negated surrogate moves a scratch copy of θ by
/// exactly +ĝ (θ′ = θ − ∇L = θ + ĝ), so ĝ = θ′ − θ, read parameter by parameter; the copy is then reset.
final class GradientReader {
    let policy: CategoricalPolicy
    private let scratch: CategoricalPolicy
    private let optimizer: SGD
    private let original: [Float]

    init(policy: CategoricalPolicy) {
        self.policy = policy
        let network = policy.network
        var unused = RunSeed(0).generator(for: "unused")
        scratch = CategoricalPolicy(
            observationCount: network.inputSize, actionCount: network.outputSize, hiddenSize: network.sizes[1],
            hiddenLayers: network.layerCount - 1, learningRate: 1, entropyCoefficient: 0, initGenerator: &unused,
            sampleGenerator: unused)
        scratch.network.copyParameters(from: network)
        optimizer = SGD(network: scratch.network, learningRate: 1)
        original = Self.parameters(of: network)
    }

    /// The number of policy parameters.
    var count: Int { original.count }

    /// ĝ for one batch, one entry per parameter.
    func gradient(observations: [Float], actions: [Int], psi: [Double]) -> [Double] {
        scratch.network.copyParameters(from: policy.network)
        observations.withUnsafeBufferPointer { _ = scratch.backpropagate(observations: $0, actions: actions, psi: psi) }
        optimizer.step()
        let moved = Self.parameters(of: scratch.network)
        return zip(moved, original).map { Double($0) - Double($1) }
    }

    /// Every weight and bias of `network`, layer by layer.
    static func parameters(of network: MLP) -> [Float] {
        var values: [Float] = []
        values.reserveCapacity(network.parameterCount)
        for layer in 0..<network.layerCount {
            for output in 0..<network.sizes[layer + 1] {
                for input in 0..<network.sizes[layer] { values.append(network.weight(layer: layer, output: output, input: input)) }
                values.append(network.bias(layer: layer, output: output))
            }
        }
        return values
    }
}
