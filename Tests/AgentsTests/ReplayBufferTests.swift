import RLCore
import Testing
@testable import Agents

@Suite("Uniform replay buffer")
struct ReplayBufferTests {
    /// A transition whose every field encodes `id`, so a sampled row can be checked against its slot.
    static func transition(_ id: Int, observationCount: Int = 3) -> Transition {
        Transition(observation: (0..<observationCount).map { Float(id * 10 + $0) }, action: id % 4, reward: Float(id) / 2,
                   nextObservation: (0..<observationCount).map { Float(id * 10 + $0 + 100) },
                   terminated: id % 3 == 0, truncated: id % 5 == 0)
    }

    @Test("a full buffer overwrites its oldest transition")
    func ringBuffer() {
        let buffer = ReplayBuffer(capacity: 4, observationCount: 3)
        for id in 0..<6 { buffer.add(Self.transition(id)) }
        #expect(buffer.count == 4)
        #expect((0..<4).map { buffer.transition(at: $0) } == [4, 5, 2, 3].map { Self.transition($0) })
        buffer.removeAll()
        #expect(buffer.count == 0)
    }

    @Test("sampled rows copy the transition of the slot they name, and every slot is drawn equally often")
    func uniformSampling() {
        let buffer = ReplayBuffer(capacity: 10, observationCount: 3)
        for id in 0..<7 { buffer.add(Self.transition(id)) }
        var batch = ReplayBatch(size: 32, observationCount: 3)
        var generator = RunSeed(7).generator(for: "replay")
        var counts = [Int](repeating: 0, count: 7)
        let rounds = 2_000
        for _ in 0..<rounds {
            buffer.sample(into: &batch, using: &generator)
            for row in 0..<batch.size {
                let slot = batch.indices[row]
                counts[slot] += 1
                #expect(batch.transitions.transition(at: row) == Self.transition(slot))
                #expect(batch.weights[row] == 1)
            }
        }
        let draws = Double(rounds * 32), p = 1.0 / 7
        let sd = (draws * p * (1 - p)).squareRoot()
        for count in counts { #expect(abs(Double(count) - draws * p) <= 5 * sd) }
    }

    @Test("the same seed draws the same minibatch")
    func reproducible() {
        let buffer = ReplayBuffer(capacity: 50, observationCount: 3)
        for id in 0..<50 { buffer.add(Self.transition(id)) }
        var first = ReplayBatch(size: 8, observationCount: 3), second = first
        var a = RunSeed(1).generator(for: "replay"), b = RunSeed(1).generator(for: "replay")
        buffer.sample(into: &first, using: &a)
        buffer.sample(into: &second, using: &b)
        #expect(first.indices == second.indices && first.transitions.observations == second.transitions.observations)
    }
}
