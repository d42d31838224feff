import Foundation
import RLCore
@testable import NeuralNet

/// Seeded inputs and targets for the tests.
enum TestData {
    static func network(_ sizes: [Int], _ activation: Activation = .relu, seed: UInt64 = 1) -> MLP {
        var generator = Xoshiro256StarStar(seed: seed)
        return MLP(sizes: sizes, activation: activation, generator: &generator)
    }

    /// `count` floats uniform in [−scale, scale).
    static func uniform(_ count: Int, scale: Float = 1, seed: UInt64) -> [Float] {
        var generator = Xoshiro256StarStar(seed: seed)
        return (0..<count).map { _ in (2 * generator.uniformFloat() - 1) * scale }
    }

    static func integers(_ count: Int, below bound: Int, seed: UInt64) -> [Int] {
        var generator = Xoshiro256StarStar(seed: seed)
        return (0..<count).map { _ in generator.uniformInt(below: bound) }
    }

    /// The network's output computed independently in Double from `weight(layer:output:input:)`.
    static func referenceForward(_ network: MLP, input: [Float], batch: Int) -> [Double] {
        var activations = input.map(Double.init)
        for layer in 0..<network.layerCount {
            let fanIn = network.sizes[layer], fanOut = network.sizes[layer + 1]
            var next = [Double](repeating: 0, count: batch * fanOut)
            for row in 0..<batch {
                for output in 0..<fanOut {
                    var sum = Double(network.bias(layer: layer, output: output))
                    for inputIndex in 0..<fanIn {
                        sum += Double(network.weight(layer: layer, output: output, input: inputIndex))
                            * activations[row * fanIn + inputIndex]
                    }
                    if layer < network.layerCount - 1 {
                        sum = network.activation == .relu ? max(sum, 0) : Foundation.tanh(sum)
                    }
                    next[row * fanOut + output] = sum
                }
            }
            activations = next
        }
        return activations
    }
}
