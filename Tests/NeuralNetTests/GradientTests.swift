import Testing

@testable import NeuralNet

@Suite("Backpropagation agrees with finite differences")
struct GradientTests {
    let check = GradientCheck()

    private func mseEvaluator(batch: Int, inputs: [Float], targets: [Float], weights: [Float]? = nil) -> (MLP) -> Float
    {
        { network in
            let output = inputs.withUnsafeBufferPointer { network.forward($0, batch: batch) }
            return RegressionLoss.meanSquaredError.evaluate(
                predictions: output, targets: targets, weights: weights, gradient: network.outputGradient)
        }
    }

    /// Checks an MLP's gradients under MSE on seeded inputs and targets.
    private func expectMSEGradients(_ sizes: [Int], _ activation: Activation, seed: UInt64, batch: Int) {
        let network = TestData.network(sizes, activation, seed: seed)
        let evaluate = mseEvaluator(
            batch: batch, inputs: TestData.uniform(batch * sizes[0], seed: seed + 1),
            targets: TestData.uniform(batch * sizes[sizes.count - 1], seed: seed + 2))
        let result = check.run(network, evaluate: evaluate)
        #expect(check.passes(result), "relative error \(result.relativeError), worst \(result.worstComponentError)")
    }

    @Test("one dense layer under MSE", arguments: [[3, 5], [6, 1], [20, 17]])
    func denseLayer(sizes: [Int]) {
        expectMSEGradients(sizes, .relu, seed: 3, batch: 7)
    }

    @Test("deep MLP under MSE", arguments: Activation.allCases)
    func deepNetwork(activation: Activation) {
        // Widths cross the kernel's 16- and 8-column blocks and their tails; batch 9 leaves a row tail.
        expectMSEGradients([5, 19, 24, 9, 3], activation, seed: 6, batch: 9)
    }

    @Test(
        "layers whose widths are multiples of 8 (∂L/∂x through a transposed copy of W)", arguments: Activation.allCases)
    func alignedWidths(activation: Activation) {
        expectMSEGradients([8, 16, 24, 4], activation, seed: 29, batch: 13)
    }

    @Test("widths with ragged tails on both sides of W (the transpose's block and scalar parts)")
    func raggedWidths() {
        expectMSEGradients([6, 19, 13, 10], .relu, seed: 31, batch: 11)
    }

    @Test(
        "batch 16, hidden layers over twice as wide (∂L/∂x as Wᵀ·gᵀ; 37 and 45 leave transpose tails)",
        arguments: [[5, 40, 36, 3], [5, 37, 45, 3]], Activation.allCases)
    func transposedGradients(sizes: [Int], activation: Activation) {
        expectMSEGradients(sizes, activation, seed: 32, batch: 16)
    }

    @Test("Huber loss on every output, errors on both sides of δ = 1")
    func huberElementwise() {
        let network = TestData.network([4, 12, 3], .tanh, seed: 9)
        let batch = 6
        let inputs = TestData.uniform(batch * 4, seed: 10)
        let targets = TestData.uniform(batch * 3, scale: 3, seed: 11)
        let result = check.run(network) { network in
            let output = inputs.withUnsafeBufferPointer { network.forward($0, batch: batch) }
            return RegressionLoss.huber.evaluate(
                predictions: output, targets: targets, gradient: network.outputGradient)
        }
        #expect(check.passes(result), "relative error \(result.relativeError), worst \(result.worstComponentError)")
    }

    @Test("Q-value head: loss on the taken actions with per-sample weights", arguments: RegressionLoss.allCases)
    func qValueHead(loss: RegressionLoss) {
        let network = TestData.network([4, 16, 16, 2], .relu, seed: 12)
        let batch = 10
        let inputs = TestData.uniform(batch * 4, seed: 13)
        let actions = TestData.integers(batch, below: 2, seed: 14)
        let targets = TestData.uniform(batch, scale: 2.5, seed: 15)
        let weights = TestData.uniform(batch, seed: 16).map { 0.5 + abs($0) }
        let result = check.run(network) { network in
            let output = inputs.withUnsafeBufferPointer { network.forward($0, batch: batch) }
            return loss.evaluate(
                predictions: output, actions: actions, targets: targets, weights: weights,
                gradient: network.outputGradient)
        }
        #expect(check.passes(result), "relative error \(result.relativeError), worst \(result.worstComponentError)")
    }

    @Test("state-value head: one output under weighted MSE")
    func valueHead() {
        let network = TestData.network([3, 10, 1], .tanh, seed: 17)
        let batch = 8
        let evaluate = mseEvaluator(
            batch: batch, inputs: TestData.uniform(batch * 3, seed: 18), targets: TestData.uniform(batch, seed: 19),
            weights: TestData.uniform(batch, seed: 20).map { 1 + $0 })
        let result = check.run(network, evaluate: evaluate)
        #expect(check.passes(result), "relative error \(result.relativeError), worst \(result.worstComponentError)")
    }

    @Test("categorical policy head: surrogate with and without entropy bonus", arguments: [Float(0), 0.3])
    func policyHead(entropyCoefficient: Float) {
        let network = TestData.network([4, 12, 5], .tanh, seed: 21)
        let batch = 7
        let inputs = TestData.uniform(batch * 4, scale: 2, seed: 22)
        let actions = TestData.integers(batch, below: 5, seed: 23)
        let psi = TestData.uniform(batch, scale: 2, seed: 24)
        let weights = TestData.uniform(batch, seed: 25).map { 1 + 0.5 * $0 }
        let loss = PolicyGradientLoss(entropyCoefficient: entropyCoefficient)
        let result = check.run(network) { network in
            let logits = inputs.withUnsafeBufferPointer { network.forward($0, batch: batch) }
            return loss.evaluate(
                logits: logits, actions: actions, psi: psi, weights: weights, gradient: network.outputGradient
            ).loss
        }
        #expect(check.passes(result), "relative error \(result.relativeError), worst \(result.worstComponentError)")
    }

    @Test("the check itself rejects a gradient that is off by a factor")
    func checkCanFail() {
        let network = TestData.network([3, 6, 2], .tanh, seed: 26)
        let inputs = TestData.uniform(12, seed: 27)
        let targets = TestData.uniform(8, seed: 28)
        let result = check.run(network) { network in
            let output = inputs.withUnsafeBufferPointer { network.forward($0, batch: 4) }
            let loss = RegressionLoss.meanSquaredError.evaluate(
                predictions: output, targets: targets, gradient: network.outputGradient)
            for index in 0..<8 { network.outputGradient.base[index] *= 1.1 }
            return loss
        }
        #expect(!check.passes(result))
    }
}
