import Testing

@testable import NeuralNet

@Suite("Adam's state in checkpoints")
struct AdamStateTests {
    /// A network with an Adam that has taken `steps` steps on one MSE gradient.
    private func trained(steps: Int) -> (MLP, Adam) {
        let network = TestData.network([3, 8, 2], .tanh, seed: 70)
        let inputs = TestData.uniform(15, seed: 71)
        let targets = TestData.uniform(10, scale: 3, seed: 72)
        let output = inputs.withUnsafeBufferPointer { network.forward($0, batch: 5) }
        _ = RegressionLoss.meanSquaredError.evaluate(predictions: output, targets: targets, gradient: network.outputGradient)
        network.backward()
        let adam = Adam(network: network, learningRate: 0.01)
        for _ in 0..<steps { adam.step() }
        return (network, adam)
    }

    /// A copy of `network`'s parameters and gradients with an Adam of its own.
    private func copy(of network: MLP) -> (MLP, Adam) {
        let clone = TestData.network(network.sizes, network.activation, seed: 73)
        clone.copyParameters(from: network)
        clone.gradients.base.update(from: network.gradients.base, count: network.parameterCount)
        return (clone, Adam(network: clone, learningRate: 0.01))
    }

    @Test("an optimizer restored from m, v and t takes the same next step as the original; a fresh one does not")
    func restoredStep() {
        let (network, adam) = trained(steps: 3)
        let (moments, stepCount) = (adam.momentNetworks(), adam.stepCount)
        #expect(stepCount == 3)
        let (restored, restoredAdam) = copy(of: network)
        restoredAdam.restore(first: moments.first, second: moments.second, stepCount: stepCount)
        let (fresh, freshAdam) = copy(of: network)
        adam.step()
        restoredAdam.step()
        freshAdam.step()
        #expect(Array(restored.parameters.buffer) == Array(network.parameters.buffer))
        #expect(Array(fresh.parameters.buffer) != Array(network.parameters.buffer))
        #expect(restoredAdam.stepCount == 4)
    }

    @Test("the moment networks are copies: changing them does not touch the optimizer")
    func momentsAreCopies() {
        let (network, adam) = trained(steps: 1)
        let first = adam.momentNetworks().first
        first.setBias(1234, layer: 0, output: 0)
        #expect(adam.momentNetworks().first.bias(layer: 0, output: 0) != 1234)
        #expect(first.hasSameArchitecture(as: network))
    }
}
