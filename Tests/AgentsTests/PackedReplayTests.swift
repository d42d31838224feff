import CMallocCounter
import RLCore
import Testing
@testable import Agents

/// Binary observations kept one bit per value: what comes out is exactly what went in, sampling unpacks
/// without allocating, a checkpoint holds the packed form, and the paper's memory fits its bound.
@Suite("Packed replay of binary observations")
struct PackedReplayTests {
    /// Seaquest's frame: 10 × 10 × 10 values.
    static let seaquest = 1_000

    /// `count` random transitions of binary observations of `size` values (about a tenth of them set, as in
    /// MinAtar's frames), consecutive ones sharing their frames as a game's do.
    static func transitions(_ count: Int, size: Int, seed: UInt64 = 5) -> [Transition] {
        var generator = Xoshiro256StarStar(seed: seed)
        var frame = (0..<size).map { _ in Float(generator.uniform() < 0.1 ? 1 : 0) }
        return (0..<count).map { index in
            let next = (0..<size).map { _ in Float(generator.uniform() < 0.1 ? 1 : 0) }
            defer { frame = next }
            return Transition(observation: frame, action: index % 6, reward: Float(index % 3), nextObservation: next,
                              terminated: index % 17 == 0, truncated: index % 23 == 0)
        }
    }

    static func filled(_ buffer: ReplayBuffer, with transitions: [Transition]) -> ReplayBuffer {
        for transition in transitions { buffer.add(transition) }
        return buffer
    }

    @Test("packed and float memories give the same minibatches, bit for bit, before and after wrapping around")
    func packedEqualsFloats() {
        for count in [70, 250] {
            let stored = Self.transitions(count, size: 403)
            let floats = Self.filled(ReplayBuffer(capacity: 100, observationCount: 403), with: stored)
            let packed = Self.filled(ReplayBuffer(capacity: 100, storage: .init(observationCount: 403, binary: true)), with: stored)
            #expect(packed.packed != nil && floats.packed == nil)
            var first = ReplayBatch(size: 32, observationCount: 403), second = first
            var a = Xoshiro256StarStar(seed: 9), b = a
            floats.sample(into: &first, using: &a)
            packed.sample(into: &second, using: &b)
            #expect(first.transitions.observations == second.transitions.observations)
            #expect(first.transitions.nextObservations == second.transitions.nextObservations)
            #expect(first.transitions.actions == second.transitions.actions)
            #expect(first.transitions.rewards == second.transitions.rewards)
            #expect(first.transitions.terminated == second.transitions.terminated)
            #expect(first.transitions.truncated == second.transitions.truncated)
            #expect(first.transitions.observations.contains(1), "the batch must hold set bits to compare")
            for slot in [0, 37, min(count, 100) - 1] { #expect(packed.transition(at: slot) == floats.transition(at: slot)) }
        }
    }

    @Test("a resized packed memory keeps its newest transitions in order")
    func resize() {
        let stored = Self.transitions(30, size: 70)
        let packed = Self.filled(ReplayBuffer(capacity: 20, storage: .init(observationCount: 70, binary: true)), with: stored)
        packed.resize(capacity: 8)
        #expect(packed.count == 8)
        #expect((0..<8).map { packed.transition(at: $0) } == Array(stored[22...]))
    }

    @Test("the run checkpoint holds the packed words, restores them exactly, and refuses floats or stray bits")
    func checkpoint() throws {
        let stored = Self.transitions(40, size: 70)
        let layout = ReplayBuffer.Storage(observationCount: 70, binary: true)
        let original = Self.filled(ReplayBuffer(capacity: 64, storage: layout), with: stored)
        let part = original.savedState
        #expect(part.arrays["observations"] == nil)
        #expect(part.arrays["packed_observations"]?.count == 40 * 2)
        let restored = ReplayBuffer(capacity: 64, storage: layout)
        try restored.restoreState(from: part)
        #expect((0..<40).map { restored.transition(at: $0) } == stored)
        #expect(restored.savedState == part)

        let floats = Self.filled(ReplayBuffer(capacity: 64, observationCount: 70), with: stored)
        #expect(throws: StatePartError.self) { try restored.restoreState(from: floats.savedState) }
        var damaged = part
        var words = try part.words("packed_next_observations")
        words[3] |= 1 << 63  // row 1's second word holds values 64..<70: bit 63 is past the frame
        damaged.set("packed_next_observations", words: words)
        #expect(throws: StatePartError.self) { try restored.restoreState(from: damaged) }
    }

    @Test("100,000 Seaquest transitions take at most 30 MB, a fortieth of floats")
    func paperMemoryFits() {
        let packed = ReplayBuffer.bytes(capacity: 100_000, storage: .init(observationCount: Self.seaquest, binary: true))
        let floats = ReplayBuffer.bytes(capacity: 100_000, observationCount: Self.seaquest)
        #expect(packed <= 30_000_000)
        #expect(packed == 100_000 * (2 * 16 * 8 + 8 + 4 + 2))
        #expect(floats > 25 * packed)
    }

    @Test("storing and sampling packed frames allocate nothing",
          .enabled(if: rlterm_malloc_counting_available(), "malloc counting needs glibc's allocator"))
    func noAllocation() {
        let stored = Self.transitions(200, size: Self.seaquest)
        let buffer = ReplayBuffer(capacity: 150, storage: .init(observationCount: Self.seaquest, binary: true))
        var batch = ReplayBatch(size: 32, observationCount: Self.seaquest)
        var generator = Xoshiro256StarStar(seed: 2)
        for transition in stored.prefix(100) { buffer.add(transition) }
        // Each frame's floats, laid out before counting.
        let frames = stored.suffix(100).map { ($0.observation, $0.nextObservation) }
        rlterm_malloc_counter_start()
        for (observation, next) in frames {
            observation.withUnsafeBufferPointer { first in
                next.withUnsafeBufferPointer { second in
                    _ = buffer.add(observation: first, action: 1, reward: 0, nextObservation: second, terminated: false,
                                   truncated: false)
                }
            }
            buffer.sample(into: &batch, using: &generator)
        }
        #expect(rlterm_malloc_counter_stop() == 0)
    }
}
