import Foundation
import RLCore
import Testing

@testable import NeuralNet

@Suite("Conv2D and the convolutional network")
struct ConvolutionalNetworkTests {
    /// L = mean squared error of every output against fixed targets, through the network.
    private func squaredErrorLoss(_ network: ConvolutionalNetwork, input: [Float], targets: [Float], batch: Int) -> Float {
        let output = input.withUnsafeBufferPointer { network.forward($0, batch: batch) }
        return RegressionLoss.meanSquaredError.evaluate(
            predictions: output, targets: targets, gradient: network.outputGradient)
    }

    private func activePattern(_ network: ConvolutionalNetwork) -> [Bool] {
        let convolution = network.convolution
        return (0..<(convolution.batch * convolution.outputSize)).map { convolution.outputs.base[$0] > 0 }
            + GradientCheck().activePattern(network.dense)
    }

    @Test(
        "backpropagated gradients of every kernel weight, bias and dense weight match finite differences",
        // 16 filters fill whole 16-lane vectors in ∂L/∂Wᵀ; 3 leave a ragged tail.
        arguments: [(2, 5, 6, 3, 7), (2, 6, 6, 16, 8)]
    )
    func gradientsMatchFiniteDifferences(shape: (Int, Int, Int, Int, Int)) {
        let (channels, height, width, filters, hidden) = shape
        let batch = 4
        let network = TestData.convolutionalNetwork(
            channels: channels, height: height, width: width, filters: filters, hidden: [hidden], outputs: 3,
            seed: 200)
        let input = TestData.uniform(batch * network.inputSize, seed: 201)
        let targets = TestData.uniform(batch * 3, scale: 2, seed: 202)
        let check = GradientCheck()
        let result = check.run(
            blocks: network.parameterBlocks, backward: network.backward,
            activePattern: { activePattern(network) },
            evaluate: { squaredErrorLoss(network, input: input, targets: targets, batch: batch) })
        #expect(check.passes(result), "relative error \(result.relativeError), kinks \(result.kinks)")
        let convolutionParameters = network.convolution.parameterCount
        #expect(result.analytic.count + result.kinks == convolutionParameters + network.dense.parameterCount)
    }

    @Test("the convolution computes Σ W[o,c,i,j]·x[c,r+i,s+j] + b[o], rectified, in NCHW order")
    func convolutionMatchesItsDefinition() {
        let network = TestData.convolutionalNetwork(
            channels: 3, height: 5, width: 7, filters: 4, hidden: [5], outputs: 2, seed: 210)
        let convolution = network.convolution
        let batch = 2
        let input = TestData.uniform(batch * convolution.inputSize, seed: 211)
        let output = input.withUnsafeBufferPointer { convolution.forward($0, batch: batch) }
        for sample in 0..<batch {
            for filter in 0..<4 {
                for row in 0..<3 {
                    for column in 0..<5 {
                        var sum = Double(convolution.bias(output: filter))
                        for channel in 0..<3 {
                            for i in 0..<3 {
                                for j in 0..<3 {
                                    let x = input[((sample * 3 + channel) * 5 + row + i) * 7 + column + j]
                                    sum += Double(convolution.weight(output: filter, channel: channel, row: i, column: j))
                                        * Double(x)
                                }
                            }
                        }
                        let got = output[sample, (filter * 3 + row) * 5 + column]
                        #expect(abs(Double(got) - max(sum, 0)) < 1e-5)
                    }
                }
            }
        }
    }

    @Test("a batch's rows are bit for bit the single-observation outputs (acting and learning agree)")
    func batchRowsEqualSingleForwards() {
        let network = TestData.breakoutNetwork(seed: 220)
        let batch = 32
        let input = TestData.uniform(batch * network.inputSize, seed: 221).map { $0 > 0.4 ? Float(1) : 0 }
        let outputs = input.withUnsafeBufferPointer { network.forward($0, batch: batch) }.toMatrix()
        for sample in [0, 13, 31] {
            let single = input.withUnsafeBufferPointer {
                network.forward(UnsafeBufferPointer(rebasing: $0[(sample * 400)..<((sample + 1) * 400)]), batch: 1)
            }
            #expect(Array(single.row(0)) == Array(outputs.values[(sample * 6)..<((sample + 1) * 6)]))
        }
    }

    @Test("feature maps of an [y][x][c] input are the rectified convolution, worked out by hand; an MLP has none")
    func featureMapsByHand() {
        let network = TestData.convolutionalNetwork(
            channels: 2, height: 4, width: 4, filters: 2, hidden: [3], outputs: 2, seed: 240, inputLayout: .channelsLast)
        let convolution = network.convolution
        for filter in 0..<2 {
            for channel in 0..<2 {
                for row in 0..<3 {
                    for column in 0..<3 { convolution.setWeight(0, output: filter, channel: channel, row: row, column: column) }
                }
            }
        }
        // Filter 0 sums channel 0 along the kernel's diagonal, less 1; filter 1 takes half of channel 1 at the
        // kernel's top right, less channel 0 at its centre, plus 1/4.
        for step in 0..<3 { convolution.setWeight(1, output: 0, channel: 0, row: step, column: step) }
        convolution.setBias(-1, output: 0)
        convolution.setWeight(0.5, output: 1, channel: 1, row: 0, column: 2)
        convolution.setWeight(-1, output: 1, channel: 0, row: 1, column: 1)
        convolution.setBias(0.25, output: 1)
        // Channel 0 is 1 on the diagonal; channel 1 is 2 at y = 0, x = 3.
        var input = [Float](repeating: 0, count: 32)
        for step in 0..<4 { input[(step * 4 + step) * 2] = 1 }
        input[(0 * 4 + 3) * 2 + 1] = 2
        let maps = network.featureMaps(for: input)
        // Filter 0: 3 − 1 at (0,0) and (1,1), −1 → 0 off the diagonal.
        // Filter 1 at (r,s) is ½·x₁[r][s+2] − x₀[r+1][s+1] + ¼: −¾ → 0, 1 + ¼, ¼, −¾ → 0.
        #expect(maps == FeatureMaps(count: 2, height: 2, width: 2, values: [2, 0, 0, 2, 0, 1.25, 0.25, 0]))
        #expect(maps?.value(map: 1, y: 0, x: 1) == 1.25)
        let outputs = input.withUnsafeBufferPointer { network.forward($0, batch: 1) }.toMatrix()
        _ = network.featureMaps(for: input)
        #expect(input.withUnsafeBufferPointer { network.forward($0, batch: 1) }.toMatrix() == outputs)
        #expect(TestData.network([4, 3, 2]).featureMaps(for: [0, 0, 0, 0]) == nil)
    }

    @Test("a copied target network computes exactly the online network's outputs")
    func copyParametersMakesAnExactCopy() {
        let online = TestData.breakoutNetwork(seed: 230)
        let target = TestData.breakoutNetwork(seed: 231)
        let input = TestData.uniform(3 * online.inputSize, seed: 232)
        let expected = input.withUnsafeBufferPointer { online.forward($0, batch: 3) }.toMatrix()
        #expect(input.withUnsafeBufferPointer { target.forward($0, batch: 3) }.toMatrix() != expected)
        target.copyParameters(from: online)
        #expect(input.withUnsafeBufferPointer { target.forward($0, batch: 3) }.toMatrix() == expected)
    }

    @Test("checkpoints use PyTorch's names and layouts (OIHW kernels, Linear [out, in]) and load back exactly")
    func checkpointRoundTrip() throws {
        let network = TestData.breakoutNetwork(seed: 240)
        let path = try CheckpointTests.temporaryDirectory() + "/conv.safetensors"
        try Checkpoint.save(["q": network], metadata: ["algorithm": "dqn"], to: path)
        let reader = try CheckpointReader(path: path)
        #expect(reader.metadata["q.conv"] == "4,10,10,16")
        #expect(reader.metadata["q.sizes"] == "1024,128,6")
        let file = try SafeTensorsFile(source: .file(InputFile(path: path)), path: path)
        #expect(file.entries.mapValues(\.shape) == [
            "q.0.weight": [16, 4, 3, 3], "q.0.bias": [16], "q.3.weight": [128, 1024], "q.3.bias": [128],
            "q.5.weight": [6, 128], "q.5.bias": [6],
        ])
        let kernel = try file.values(of: file.entries["q.0.weight"]!)
        #expect(kernel[((5 * 4 + 2) * 3 + 1) * 3 + 0] == network.convolution.weight(output: 5, channel: 2, row: 1, column: 0))
        let linear = try file.values(of: file.entries["q.3.weight"]!)
        #expect(linear[7 * 1024 + 300] == network.dense.weight(layer: 0, output: 7, input: 300))
        let loaded = TestData.breakoutNetwork(seed: 241)
        try reader.load(into: ["q": loaded])
        #expect(TestData.stateDict(of: loaded) == TestData.stateDict(of: network))
    }

    @Test("a checkpoint of another convolution shape is refused, naming the field")
    func checkpointOfAnotherShapeIsRefused() throws {
        let path = try CheckpointTests.temporaryDirectory() + "/conv.safetensors"
        try Checkpoint.save(["q": TestData.breakoutNetwork(seed: 250)], metadata: [:], to: path)
        let seaquest = TestData.convolutionalNetwork(
            channels: 10, height: 10, width: 10, filters: 16, hidden: [128], outputs: 6, seed: 251)
        #expect {
            try Checkpoint.load(from: path, into: ["q": seaquest])
        } throws: { error in
            "\(error)".contains("saved with conv 4,10,10,16, but the agent's network has 10,10,10,16")
        }
    }
}
