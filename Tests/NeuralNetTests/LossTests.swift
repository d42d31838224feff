import Foundation
import RLCore
import Testing

@testable import NeuralNet

@Suite("Loss values and categorical head")
struct LossTests {
    @Test("Huber is quadratic inside δ = 1 and linear outside, continuous at the seam")
    func huberValues() {
        #expect(RegressionLoss.huber.value(0.5) == 0.125)
        #expect(RegressionLoss.huber.value(-3) == 2.5)
        #expect(abs(RegressionLoss.huber.value(1) - 0.5) < 1e-7)
        #expect(RegressionLoss.huber.derivative(-7) == -1)
        #expect(RegressionLoss.meanSquaredError.value(-3) == 9)
    }

    @Test("half squared error is e²/2 with derivative e, so a plain step is the notes' α·∇Q·(Q − y)")
    func halfSquaredError() {
        #expect(RegressionLoss.halfSquaredError.value(-3) == 4.5)
        #expect(RegressionLoss.halfSquaredError.derivative(-3) == -3)
    }

    @Test("weighted Q loss averages wᵢ·ℓ(Q(sᵢ,aᵢ) − yᵢ) over the batch")
    func weightedSelectedLoss() {
        let predictions: [Float] = [1, 2, 3, 4]
        let gradient = [Float](repeating: 9, count: 4)
        let loss = predictions.withUnsafeBufferPointer { p in
            var g = gradient
            return g.withUnsafeMutableBufferPointer { g in
                let value = RegressionLoss.huber.evaluate(
                    predictions: MatrixView(rows: 2, columns: 2, base: p.baseAddress!), actions: [1, 0],
                    targets: [0, 2.5],
                    weights: [2, 0.5], gradient: MutableMatrixView(rows: 2, columns: 2, base: g.baseAddress!))
                #expect(Array(g) == [0, 1, 0.125, 0])
                return value
            }
        }
        // Row 0: e = 2 → 1.5, weight 2; row 1: e = 0.5 → 0.125, weight 0.5.
        #expect(abs(loss - (2 * 1.5 + 0.5 * 0.125) / 2) < 1e-6)
    }

    @Test("softmax sums to one, log-softmax is its logarithm, uniform logits have entropy log n")
    func categoricalBasics() {
        let logits: [Float] = [2, -1, 0.5, 30]
        var probabilities = [Float](repeating: 0, count: 4)
        var logs = [Float](repeating: 0, count: 4)
        logits.withUnsafeBufferPointer { l in
            probabilities.withUnsafeMutableBufferPointer { Categorical.softmax(l, into: $0) }
            logs.withUnsafeMutableBufferPointer { Categorical.logSoftmax(l, into: $0) }
        }
        #expect(abs(probabilities.reduce(0, +) - 1) < 1e-6)
        for index in 0..<4 { #expect(abs(exp(logs[index]) - probabilities[index]) < 1e-6) }
        let uniform = [Float](repeating: 3, count: 5)
        let entropy = uniform.withUnsafeBufferPointer { Categorical.entropy($0) }
        #expect(abs(entropy - log(5)) < 1e-6)
    }

    @Test("sampling frequencies follow the softmax probabilities")
    func sampling() {
        let logits: [Float] = [0, log(2), log(5)]  // probabilities 1/8, 2/8, 5/8
        var generator = Xoshiro256StarStar(seed: 50)
        var counts = [0, 0, 0]
        let draws = 40_000
        logits.withUnsafeBufferPointer { l in
            for _ in 0..<draws { counts[Categorical.sample(l, generator: &generator)] += 1 }
        }
        for (count, p) in zip(counts, [0.125, 0.25, 0.625]) {
            // Five standard deviations of a binomial count.
            #expect(abs(Double(count) - p * Double(draws)) < 5 * (Double(draws) * p * (1 - p)).squareRoot())
        }
    }

    @Test("policy-gradient loss equals −mean(w·(log π(a|s)·Ψ + β·H)) computed directly")
    func policyGradientValue() {
        let logits: [Float] = [1, 2, 0, -1, 0.5, 0.5]
        var gradient = [Float](repeating: 0, count: 6)
        let result = logits.withUnsafeBufferPointer { l in
            gradient.withUnsafeMutableBufferPointer { g in
                PolicyGradientLoss(entropyCoefficient: 0.1).evaluate(
                    logits: MatrixView(rows: 2, columns: 3, base: l.baseAddress!), actions: [1, 0], psi: [2, -1],
                    weights: [1, 3], gradient: MutableMatrixView(rows: 2, columns: 3, base: g.baseAddress!))
            }
        }
        func row(_ z: [Double]) -> (logProbabilities: [Double], entropy: Double) {
            let normaliser = log(z.map(exp).reduce(0, +))
            let logs = z.map { $0 - normaliser }
            return (logs, -logs.map { exp($0) * $0 }.reduce(0, +))
        }
        let first = row([1, 2, 0])
        let second = row([-1, 0.5, 0.5])
        let expected =
            -(1 * (first.logProbabilities[1] * 2 + 0.1 * first.entropy)
            + 3 * (second.logProbabilities[0] * -1 + 0.1 * second.entropy)) / 2
        #expect(abs(Double(result.loss) - expected) < 1e-5)
        #expect(abs(Double(result.meanEntropy) - (first.entropy + second.entropy) / 2) < 1e-6)
    }
}
