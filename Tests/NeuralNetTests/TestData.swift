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
            let fanIn = network.sizes[layer]
            let fanOut = network.sizes[layer + 1]
            var next = [Double](repeating: 0, count: batch * fanOut)
            for row in 0..<batch {
                for output in 0..<fanOut {
                    var sum = Double(network.bias(layer: layer, output: output))
                    for inputIndex in 0..<fanIn {
                        sum +=
                            Double(network.weight(layer: layer, output: output, input: inputIndex))
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

extension TestData {
    /// A convolutional network of the given shape, initialised from `seed`.
    static func convolutionalNetwork(
        channels: Int, height: Int, width: Int, filters: Int, hidden: [Int], outputs: Int, seed: UInt64,
        inputLayout: ConvolutionalNetwork.InputLayout = .channelsFirst
    ) -> ConvolutionalNetwork {
        var generator = Xoshiro256StarStar(seed: seed)
        return ConvolutionalNetwork(
            inputChannels: channels, height: height, width: width, filters: filters, hiddenSizes: hidden,
            outputCount: outputs, inputLayout: inputLayout, generator: &generator)
    }

    /// The MinAtar paper's network for Breakout: 4 × 10 × 10 → 16 filters → 128 → 6.
    static func breakoutNetwork(seed: UInt64) -> ConvolutionalNetwork {
        convolutionalNetwork(channels: 4, height: 10, width: 10, filters: 16, hidden: [128], outputs: 6, seed: seed)
    }

    /// Every tensor of `network` by its state-dict name ("0.weight", …) in PyTorch's element order: the
    /// parameters, or their gradients.
    static func stateDict(of network: ConvolutionalNetwork, gradients: Bool = false) -> [String: [Float]] {
        var tensors: [String: [Float]] = [:]
        for tensor in network.checkpointLayout(prefix: "").tensors {
            tensors[String(tensor.name.dropFirst())] = (0..<tensor.count).map { index in
                let address = tensor.element(index)
                guard gradients else { return address.pointee }
                let block = network.parameterBlocks.first {
                    address >= $0.parameters.base && address < $0.parameters.base + $0.count
                }!
                return block.gradients.base[address - block.parameters.base]
            }
        }
        return tensors
    }
}

/// What the tests drive on either kind of network.
protocol TestNetwork: AnyObject {
    var inputSize: Int { get }
    var outputGradient: MutableMatrixView { get }
    func forward(_ input: UnsafeBufferPointer<Float>, batch: Int) -> MatrixView
    func backward()
}

extension MLP: TestNetwork {}
extension ConvolutionalNetwork: TestNetwork {}
