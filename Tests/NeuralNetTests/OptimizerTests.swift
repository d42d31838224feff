import Foundation
import Testing
@testable import NeuralNet

@Suite("Optimizers, clipping, target networks")
struct OptimizerTests {
    /// A network whose gradients hold the given values after one MSE backward pass.
    private func trainedOnce(seed: UInt64) -> MLP {
        let network = TestData.network([3, 8, 2], .tanh, seed: seed)
        let inputs = TestData.uniform(15, seed: seed + 1), targets = TestData.uniform(10, scale: 3, seed: seed + 2)
        let output = inputs.withUnsafeBufferPointer { network.forward($0, batch: 5) }
        _ = RegressionLoss.meanSquaredError.evaluate(predictions: output, targets: targets, gradient: network.outputGradient)
        network.backward()
        return network
    }

    @Test("Adam's first step moves every parameter by α·g/(|g| + ε), then follows the bias-corrected moments")
    func adamSteps() {
        let network = trainedOnce(seed: 60)
        let before = Array(network.parameters.buffer), g = Array(network.gradients.buffer)
        let adam = Adam(network: network, learningRate: 0.01)
        adam.step()
        for index in 0..<g.count {
            let expected = Double(before[index]) - 0.01 * Double(g[index]) / (abs(Double(g[index])) + 1e-8)
            #expect(abs(Double(network.parameters.base[index]) - expected) < 1e-6)
        }
        // Second step with the same gradient, against the formula in double precision.
        let afterFirst = Array(network.parameters.buffer)
        adam.step()
        for index in 0..<g.count {
            let gradient = Double(g[index])
            let m = 0.9 * 0.1 * gradient + 0.1 * gradient, v = 0.999 * 0.001 * gradient * gradient + 0.001 * gradient * gradient
            let update = 0.01 / (1 - 0.81) * m / ((v).squareRoot() / (1 - 0.999 * 0.999).squareRoot() + 1e-8)
            #expect(abs(Double(network.parameters.base[index]) - (Double(afterFirst[index]) - update)) < 1e-6)
        }
        #expect(adam.stepCount == 2)
    }

    @Test("SGD subtracts α·g")
    func sgdStep() {
        let network = trainedOnce(seed: 61)
        let before = Array(network.parameters.buffer), g = Array(network.gradients.buffer)
        SGD(network: network, learningRate: 0.5).step()
        for index in 0..<g.count { #expect(network.parameters.base[index] == before[index] - 0.5 * g[index]) }
    }

    @Test("training reduces the loss on a fixed regression problem")
    func adamLearns() {
        let network = TestData.network([2, 16, 1], .tanh, seed: 62)
        let adam = Adam(network: network, learningRate: 0.01)
        let inputs = TestData.uniform(64, seed: 63)
        let targets = (0..<32).map { inputs[2 * $0] * inputs[2 * $0 + 1] }
        var losses: [Float] = []
        for _ in 0..<300 {
            let output = inputs.withUnsafeBufferPointer { network.forward($0, batch: 32) }
            losses.append(RegressionLoss.meanSquaredError.evaluate(predictions: output, targets: targets, gradient: network.outputGradient))
            network.backward()
            adam.step()
        }
        #expect(losses.last! < 0.2 * losses.first!)
    }

    @Test("global norm clipping scales all networks together and reports the norm before clipping")
    func clipping() {
        let first = trainedOnce(seed: 64), second = trainedOnce(seed: 65)
        let norm = (first.gradientNorm() * first.gradientNorm() + second.gradientNorm() * second.gradientNorm()).squareRoot()
        let reported = MLP.clipGradientNorm(of: [first, second], maxNorm: norm / 4)
        #expect(abs(reported - norm) < 1e-5 * norm)
        let after = (first.gradientNorm() * first.gradientNorm() + second.gradientNorm() * second.gradientNorm()).squareRoot()
        #expect(abs(after - norm / 4) < 1e-4 * norm)
        let unchanged = Array(first.gradients.buffer)
        first.clipGradientNorm(maxNorm: 1e6)
        #expect(Array(first.gradients.buffer) == unchanged)
    }

    @Test("target copy is exact and Polyak averaging mixes τ·θ + (1 − τ)·θ⁻")
    func targetNetworks() {
        let online = TestData.network([4, 9, 2], seed: 66), target = TestData.network([4, 9, 2], seed: 67)
        let old = Array(target.parameters.buffer), new = Array(online.parameters.buffer)
        target.polyakUpdate(from: online, tau: 0.25)
        for index in 0..<old.count {
            #expect(abs(target.parameters.base[index] - (0.25 * new[index] + 0.75 * old[index])) < 1e-6)
        }
        target.copyParameters(from: online)
        #expect(Array(target.parameters.buffer) == new)
    }

    @Test("flush-to-zero is per thread and turns subnormal results into zero on x86-64")
    func flushToZero() async {
        let (enabled, result) = await withCheckedContinuation { continuation in
            let thread = Thread {
                let enabled = FloatingPointEnvironment.enableFlushToZero()
                let tiny = Float.leastNormalMagnitude * Float(ProcessInfo.processInfo.processorCount > 0 ? 0.25 : 1)
                continuation.resume(returning: (enabled, tiny))
            }
            thread.start()
        }
        #if arch(x86_64)
            #expect(enabled)
            #expect(result == 0)
        #else
            #expect(!enabled)
            #expect(result > 0)
        #endif
        #expect(!FloatingPointEnvironment.isFlushToZeroEnabled, "only the thread that asked changes mode")
    }
}
