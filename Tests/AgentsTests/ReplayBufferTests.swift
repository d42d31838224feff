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

    @Test("takeLatest copies the newest B transitions, oldest first, each once, with weight 1")
    func takeLatest() {
        let buffer = ReplayBuffer(capacity: 5, observationCount: 3)
        for id in 0..<8 { buffer.add(Self.transition(id)) }
        // Transitions 3…7 are held; 5, 6, 7 sit in slots 0, 1, 2 and 3, 4 in slots 3, 4.
        var batch = ReplayBatch(size: 3, observationCount: 3)
        batch.weights = [0, 0, 0]
        buffer.takeLatest(into: &batch)
        #expect(batch.indices == [0, 1, 2])
        #expect((0..<3).map { batch.transitions.transition(at: $0) } == [5, 6, 7].map { Self.transition($0) })
        #expect(batch.weights == [1, 1, 1])
        var whole = ReplayBatch(size: 5, observationCount: 3)
        buffer.takeLatest(into: &whole)
        #expect(whole.indices == [3, 4, 0, 1, 2])
        #expect((0..<5).map { whole.transitions.transition(at: $0) } == (3..<8).map { Self.transition($0) })
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

    @Test("the replay memory's size is known before it is built, and one larger than the machine is named")
    func memoryBytes() throws {
        var hyperparameters = Hyperparameters(defaultsFor: .dqn)
        try hyperparameters.set(.bufferSize, to: 1000)
        var configuration = AgentConfiguration(observationCount: 6, actionCount: 2, totalSteps: 10, seed: RunSeed(0),
                                               hyperparameters: hyperparameters)
        // Per transition: two observations of 6 floats, an Int action, a Float reward, two Bools.
        #expect(configuration.replayMemoryBytes == 1000 * (48 + 8 + 4 + 2))
        configuration.options.replay = .prioritized
        // Plus a Double priority per slot and a sum tree of 3 arrays of 2 × 1024 Doubles.
        #expect(configuration.replayMemoryBytes == 1000 * (48 + 8 + 4 + 2) + 8000 + 3 * 2048 * 8)
        configuration.options.replay = .uniform
        configuration.options.noReplay = true
        #expect(configuration.replayCapacity == 64)
        #expect(configuration.memoryProblem(physicalMemory: 1 << 20) == nil)
        configuration.options.noReplay = false
        #expect(configuration.memoryProblem(physicalMemory: 61_999) == "the replay memory of 1000 transitions of 6 "
            + "observation values needs 0.1 MB, more than this machine's 0.1 MB; lower --buffer-size (or use an "
            + "environment with smaller observations)")
        #expect(configuration.memoryProblem(physicalMemory: 62_000) == nil)
        let vpg = AgentConfiguration(observationCount: 6, actionCount: 2, totalSteps: 10, seed: RunSeed(0),
                                     hyperparameters: Hyperparameters(defaultsFor: .vpg))
        #expect(vpg.replayCapacity == nil && vpg.replayMemoryBytes == 0)
    }
}
