import Foundation
import RLCore
import Testing

@testable import NeuralNet

/// rlterm against PyTorch's own numbers in `Fixtures/conv_dqn_reference.safetensors`, written by
/// `Fixtures/make_conv_fixture.py` (torch's Conv2d, Linear, smooth_l1_loss, autograd and RMSprop).
@Suite("Convolutional network and RMSProp against PyTorch's numbers")
struct ConvolutionalNetworkReferenceTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let channels, height, width, filters, hidden, actions, batch: Int
        var testDescription: String { name }
    }

    static let cases = [
        Case(name: "small", channels: 3, height: 6, width: 7, filters: 5, hidden: 12, actions: 4, batch: 3),
        Case(name: "breakout", channels: 4, height: 10, width: 10, filters: 16, hidden: 32, actions: 6, batch: 4),
    ]

    static let fixturePath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/conv_dqn_reference.safetensors").path

    private let fixture: SafeTensorsFile

    init() throws {
        fixture = try SafeTensorsFile(source: .file(InputFile(path: Self.fixturePath)), path: Self.fixturePath)
    }

    private func tensor(_ name: String) throws -> [Float] {
        try fixture.values(of: try #require(fixture.entries[name], "\(name) is in the fixture"))
    }

    /// The case's network as PyTorch initialised it, loaded through rlterm's checkpoint reader.
    private func network(_ testCase: Case) throws -> ConvolutionalNetwork {
        let network = TestData.convolutionalNetwork(
            channels: testCase.channels, height: testCase.height, width: testCase.width, filters: testCase.filters,
            hidden: [testCase.hidden], outputs: testCase.actions, seed: 1)
        try Checkpoint.load(from: Self.fixturePath, into: ["\(testCase.name).net": network])
        return network
    }

    /// Huber loss on Q(s, a) against the fixture's targets, as `smooth_l1_loss` takes it; fills ∂L/∂Q.
    private func huberLoss(_ network: ConvolutionalNetwork, _ testCase: Case) throws -> Float {
        let input = try tensor("\(testCase.name).input")
        let actions = try tensor("\(testCase.name).actions").map { Int($0) }
        let targets = try tensor("\(testCase.name).targets")
        let q = input.withUnsafeBufferPointer { network.forward($0, batch: testCase.batch) }
        return RegressionLoss.huber.evaluate(
            predictions: q, actions: actions, targets: targets, gradient: network.outputGradient)
    }

    /// Every |got − expected| within `tolerance` · max(1, largest |expected|).
    private func expectClose(_ got: [Float], _ expected: [Float], tolerance: Float, _ what: String) {
        #expect(got.count == expected.count, "\(what): \(got.count) values, PyTorch has \(expected.count)")
        let scale = max(1, expected.map(abs).max() ?? 0)
        let worst = zip(got, expected).map { abs($0 - $1) }.max() ?? 0
        #expect(worst <= tolerance * scale, "\(what): largest difference \(worst) (scale \(scale))")
    }

    @Test("the convolution's output and the Q-values are PyTorch's", arguments: cases)
    func forwardMatchesPyTorch(testCase: Case) throws {
        let network = try network(testCase)
        let input = try tensor("\(testCase.name).input")
        let q = input.withUnsafeBufferPointer { network.forward($0, batch: testCase.batch) }.toMatrix()
        let features = Array(
            UnsafeBufferPointer(start: network.convolution.outputs.base, count: testCase.batch * network.convolution.outputSize))
        expectClose(features, try tensor("\(testCase.name).conv_output"), tolerance: 1e-5, "conv output")
        expectClose(q.values, try tensor("\(testCase.name).q"), tolerance: 1e-5, "Q")
    }

    @Test("the Huber loss and every parameter's gradient are PyTorch's autograd's", arguments: cases)
    func gradientsMatchPyTorch(testCase: Case) throws {
        let network = try network(testCase)
        let loss = try huberLoss(network, testCase)
        expectClose([loss], try tensor("\(testCase.name).loss"), tolerance: 1e-6, "loss")
        network.backward()
        for (name, gradient) in TestData.stateDict(of: network, gradients: true) {
            expectClose(gradient, try tensor("\(testCase.name).grad.\(name)"), tolerance: 1e-5, "∂L/∂\(name)")
        }
    }

    @Test(
        "three centered RMSProp steps give torch.optim.RMSprop(centered=True)'s parameters, without and with momentum",
        arguments: cases, [0, 0.9] as [Float])
    func rmsPropMatchesPyTorch(testCase: Case, momentum: Float) throws {
        let network = try network(testCase)
        let optimizer = RMSProp(
            network: network, learningRate: 0.01, alpha: 0.95, epsilon: 0.01, momentum: momentum, centered: true)
        for _ in 0..<3 {
            _ = try huberLoss(network, testCase)
            network.backward()
            optimizer.step()
        }
        let label = momentum == 0 ? "rmsprop" : "rmsprop_momentum"
        for (name, values) in TestData.stateDict(of: network) {
            expectClose(values, try tensor("\(testCase.name).\(label).\(name)"), tolerance: 2e-6, "\(label) \(name)")
        }
    }
}
