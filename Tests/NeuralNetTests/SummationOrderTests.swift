import Testing

@testable import NeuralNet

/// Learning tests elsewhere use fixed seeds, so their outcomes depend on the exact float results of
/// `backward()`. These tests pin them: every gradient must equal, bit for bit, a plain scalar computation that
/// sums each product in a fixed order with fused multiply-adds, whichever kernel or data layout computes it.
@Suite("Backpropagation sums in a fixed order")
struct SummationOrderTests {
    @Test(
        "gradients equal a sequential fused-multiply-add reference bit for bit",
        arguments: [
            // Batch 16 is narrow enough for ∂L/∂x through transposes of g; 13 is not (W is transposed).
            ([5, 64, 48, 40], 16), ([5, 64, 48, 40], 13), ([5, 37, 45, 3], 16), ([5, 37, 45, 3], 32),
            ([6, 19, 13, 10], 11), ([48, 128, 128, 4], 32),
        ])
    func matchesReference(sizes: [Int], batch: Int) {
        for activation in Activation.allCases {
            let network = TestData.network(sizes, activation, seed: 50)
            let input = TestData.uniform(batch * sizes[0], seed: 51)
            let targets = TestData.uniform(batch * sizes[sizes.count - 1], seed: 52)
            let output = input.withUnsafeBufferPointer { network.forward($0, batch: batch) }
            _ = RegressionLoss.meanSquaredError.evaluate(
                predictions: output, targets: targets, gradient: network.outputGradient)
            let expected = referenceGradients(network, input: input, batch: batch)
            network.backward()
            var mismatches = 0
            for index in 0..<network.parameterCount where network.gradients.base[index] != expected[index] {
                mismatches += 1
            }
            #expect(mismatches == 0, "\(sizes) batch \(batch) \(activation): \(mismatches) gradients differ")
        }
    }

    /// ∂L/∂θ from the network's own forward activations and output gradient, in `parameters`' layout: every
    /// sum starts at zero and adds its terms in index order (over the batch for ∂L/∂W and ∂L/∂b, over the
    /// layer's outputs for ∂L/∂x), each product fused into the addition.
    private func referenceGradients(_ network: MLP, input: [Float], batch: Int) -> [Float] {
        var result = [Float](repeating: 0, count: network.parameterCount)
        var gradient = Array(UnsafeBufferPointer(start: network.outputGradient.base, count: batch * network.outputSize))
        for layer in stride(from: network.layerCount - 1, through: 0, by: -1) {
            let fanIn = network.sizes[layer]
            let fanOut = network.sizes[layer + 1]
            let layerInput =
                layer == 0
                ? input : Array(UnsafeBufferPointer(start: network.outputs[layer - 1].base, count: batch * fanIn))
            for output in 0..<fanOut {
                var biasSum: Float = 0
                for row in 0..<batch { biasSum += gradient[row * fanOut + output] }
                result[network.biasOffsets[layer] + output] = biasSum
                for inputIndex in 0..<fanIn {
                    var sum: Float = 0
                    for row in 0..<batch {
                        sum = sum.addingProduct(layerInput[row * fanIn + inputIndex], gradient[row * fanOut + output])
                    }
                    result[network.weightIndex(layer: layer, output: output, input: inputIndex)] = sum
                }
            }
            guard layer > 0 else { break }
            var next = [Float](repeating: 0, count: batch * fanIn)
            for row in 0..<batch {
                for inputIndex in 0..<fanIn {
                    var sum: Float = 0
                    for output in 0..<fanOut {
                        sum = sum.addingProduct(
                            gradient[row * fanOut + output],
                            network.weight(layer: layer, output: output, input: inputIndex))
                    }
                    let activated = layerInput[row * fanIn + inputIndex]
                    switch network.activation {
                    case .relu: next[row * fanIn + inputIndex] = activated <= 0 ? 0 : sum
                    case .tanh: next[row * fanIn + inputIndex] = sum * (1 - activated * activated)
                    }
                }
            }
            gradient = next
        }
        return result
    }
}
