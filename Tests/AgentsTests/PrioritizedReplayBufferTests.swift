import Foundation
import RLCore
import Testing
@testable import Agents

@Suite("Prioritized replay buffer")
struct PrioritizedReplayBufferTests {
    static func filled(_ count: Int, capacity: Int? = nil, alpha: Double = 0.6, epsilon: Double = 1e-6) -> PrioritizedReplayBuffer {
        let buffer = PrioritizedReplayBuffer(capacity: capacity ?? count, observationCount: 3, alpha: alpha, epsilon: epsilon)
        for id in 0..<count { buffer.add(ReplayBufferTests.transition(id)) }
        return buffer
    }

    @Test("new transitions enter at the largest priority so far, starting at 1")
    func newAtMaximum() {
        let buffer = Self.filled(3, capacity: 5)
        #expect((0..<3).map { buffer.priority(of: $0) } == [1, 1, 1])
        buffer.updatePriorities(indices: [0, 1], tdErrors: [-4, 0.5])
        #expect(buffer.maxPriority == 4 + 1e-6)
        buffer.updatePriorities(indices: [0], tdErrors: [0.25])
        buffer.add(ReplayBufferTests.transition(3))
        #expect(buffer.priority(of: 3) == 4 + 1e-6)
        #expect(buffer.priority(of: 0) == 0.25 + 1e-6 && buffer.priority(of: 1) == 0.5 + 1e-6)
    }

    @Test("importance-sampling weights equal hand-computed (N·P(i))^−β / max_j (N·P(j))^−β")
    func importanceWeights() {
        // ε = 1, α = 1/2, |δ| = 1, 3, 0, 7 → p = 2, 4, 1, 8 → p^α = √2, 2, 1, 2√2; min p^α = 1 (slot 2).
        // With β = 1/2: w/w_max = (p^α / 1)^−1/2 = 2^−1/4, 2^−1/2, 1, 2^−3/4.
        let buffer = Self.filled(4, alpha: 0.5, epsilon: 1)
        buffer.updatePriorities(indices: [0, 1, 2, 3], tdErrors: [1, -3, 0, 7])
        let expected: [Float] = [0.840896, 0.707107, 1, 0.594604]
        var batch = ReplayBatch(size: 64, observationCount: 3)
        var generator = RunSeed(2).generator(for: "replay")
        buffer.sample(into: &batch, beta: 0.5, using: &generator)
        for row in 0..<batch.size {
            #expect(abs(batch.weights[row] - expected[batch.indices[row]]) < 1e-5)
        }
        // The same numbers from the definition: P(i) = p^α / (3 + 3√2), N = 4.
        let root2 = Double(2).squareRoot()
        let powered = [root2, 2, 1, 2 * root2]
        let total = 3 + 3 * root2
        let raw = powered.map { pow(4 * $0 / total, -0.5) }
        for slot in 0..<4 {
            #expect(abs(buffer.samplingProbability(of: slot) - powered[slot] / total) < 1e-12)
            #expect(abs(raw[slot] / raw.max()! - Double(expected[slot])) < 1e-6)
        }
        #expect(Set(batch.indices) == [0, 1, 2, 3])
    }

    @Test("sampling frequencies match (|δ| + ε)^α / Σ (|δ| + ε)^α")
    func samplingFrequencies() {
        let buffer = Self.filled(5, alpha: 0.6)
        let errors: [Float] = [0.1, 2, 0.5, 0, 5]
        buffer.updatePriorities(indices: Array(0..<5), tdErrors: errors)
        let weights = errors.map { pow(Double(abs($0)) + 1e-6, 0.6) }
        let total = weights.reduce(0, +)
        var batch = ReplayBatch(size: 16, observationCount: 3)
        var generator = RunSeed(3).generator(for: "replay")
        var counts = [Int](repeating: 0, count: 5)
        let rounds = 10_000
        for _ in 0..<rounds {
            buffer.sample(into: &batch, beta: 0.4, using: &generator)
            for slot in batch.indices { counts[slot] += 1 }
        }
        let draws = Double(rounds * batch.size)
        for slot in 0..<5 {
            let p = weights[slot] / total
            #expect(abs(buffer.samplingProbability(of: slot) - p) < 1e-12)
            // Stratification only lowers the variance below the binomial one, so 5 binomial sd is a safe bound.
            let sd = (draws * p * (1 - p)).squareRoot()
            #expect(abs(Double(counts[slot]) - draws * p) <= 5 * sd, "slot \(slot): \(counts[slot]) vs \(draws * p)")
        }
    }

    @Test("stratified sampling draws one point per equal range of the total: equal priorities give each slot once, in order")
    func stratification() {
        let buffer = Self.filled(8)
        var batch = ReplayBatch(size: 8, observationCount: 3)
        var generator = RunSeed(5).generator(for: "replay")
        buffer.sample(into: &batch, beta: 1, using: &generator)
        #expect(batch.indices == Array(0..<8))
        #expect(batch.weights == [Float](repeating: 1, count: 8))
    }

    @Test("probabilities keep summing to one through updates, overwrites and a change of α")
    func totalsKept() {
        let buffer = Self.filled(6, capacity: 6)
        var generator = RunSeed(9).generator(for: "errors")
        for round in 0..<50 {
            let indices = (0..<3).map { _ in generator.uniformInt(below: 6) }
            buffer.updatePriorities(indices: indices, tdErrors: indices.map { _ in Float(generator.normal()) })
            if round % 7 == 0 { buffer.add(ReplayBufferTests.transition(round)) }
            if round == 25 { buffer.alpha = 0.9 }
            let sum = (0..<6).map { buffer.samplingProbability(of: $0) }.reduce(0, +)
            #expect(abs(sum - 1) < 1e-12)
        }
        let expected = (0..<6).map { pow(buffer.priority(of: $0), 0.9) }
        #expect(abs(buffer.samplingProbability(of: 2) - expected[2] / expected.reduce(0, +)) < 1e-12)
    }
}
