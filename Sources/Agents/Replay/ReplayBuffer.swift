import RLCore

/// Experience replay with uniform sampling (Mnih et al. 2015): a ring buffer of the most recent `capacity`
/// transitions in flat, preallocated arrays, so storing and sampling allocate nothing once it exists.
///
/// Minibatch rows are drawn independently and with replacement, each slot with probability 1/count, by
/// `Xoshiro256StarStar.uniformInt(below:)`. It is a class because the memory is large and mutated in
/// place by its one owner, the training thread.
///
/// Observations that are binary (an environment whose observation is an image of binary channels, MinAtar)
/// are kept packed, one bit per value (`PackedObservations`), and unpacked into the minibatch's floats when
/// sampled: 100,000 Seaquest transitions take 27 MB instead of 800 MB. The learner sees the same floats
/// either way.
public final class ReplayBuffer: ReplayMemory {
    /// How observations are kept.
    public struct Storage: Sendable, Equatable {
        public let observationCount: Int
        /// Every value is 0 or 1, so observations are kept one bit per value.
        public let binary: Bool

        public init(observationCount: Int, binary: Bool = false) {
            self.observationCount = observationCount
            self.binary = binary
        }
    }

    public internal(set) var count = 0
    /// The slot the next transition goes into.
    var nextSlot = 0
    /// Every column, or with packed observations the action, reward and end flags only.
    var storage: TransitionColumns
    /// sᵢ and sᵢ′ one bit per value, when the observations are binary.
    var packed: (observations: PackedObservations, next: PackedObservations)?

    public convenience init(capacity: Int, observationCount: Int) {
        self.init(capacity: capacity, storage: Storage(observationCount: observationCount))
    }

    public init(capacity: Int, storage layout: Storage) {
        precondition(capacity >= 1, "replay capacity must be at least 1")
        storage = TransitionColumns(rows: capacity, observationCount: layout.observationCount,
                                    storesObservations: !layout.binary)
        if layout.binary {
            packed = (PackedObservations(rows: capacity, valuesPerRow: layout.observationCount),
                      PackedObservations(rows: capacity, valuesPerRow: layout.observationCount))
        }
    }

    public var capacity: Int { storage.rowCount }

    /// How this buffer keeps its observations.
    public var layout: Storage { Storage(observationCount: observationCount, binary: packed != nil) }

    /// The bytes a buffer of `capacity` transitions allocates.
    public static func bytes(capacity: Int, observationCount: Int) -> Int {
        bytes(capacity: capacity, storage: Storage(observationCount: observationCount))
    }

    /// The bytes a buffer of `capacity` transitions kept as `storage` says allocates.
    public static func bytes(capacity: Int, storage: Storage) -> Int {
        guard storage.binary else { return TransitionColumns.bytes(rows: capacity, observationCount: storage.observationCount) }
        return TransitionColumns.scalarBytes(rows: capacity)
            + 2 * PackedObservations.bytes(rows: capacity, valuesPerRow: storage.observationCount)
    }
    public var observationCount: Int { storage.observationCount }

    @discardableResult
    public func add(observation: UnsafeBufferPointer<Float>, action: Int, reward: Float,
                    nextObservation: UnsafeBufferPointer<Float>, terminated: Bool, truncated: Bool) -> Int {
        let slot = nextSlot
        if packed != nil {
            precondition(observation.count == observationCount && nextObservation.count == observationCount,
                         "observations must hold \(observationCount) floats")
            packed!.observations.write(row: slot, from: observation.baseAddress!)
            packed!.next.write(row: slot, from: nextObservation.baseAddress!)
            storage.write(row: slot, action: action, reward: reward, terminated: terminated, truncated: truncated)
        } else {
            storage.write(row: slot, observation: observation, action: action, reward: reward,
                          nextObservation: nextObservation, terminated: terminated, truncated: truncated)
        }
        nextSlot = (slot + 1) % capacity
        count = min(count + 1, capacity)
        return slot
    }

    /// Fills `batch` with uniformly drawn transitions and sets every weight to 1.
    public func sample(into batch: inout ReplayBatch, using generator: inout Xoshiro256StarStar) {
        precondition(count > 0, "cannot sample from an empty replay buffer")
        for row in 0..<batch.size {
            copy(slot: generator.uniformInt(below: count), into: &batch, row: row)
            batch.weights[row] = 1
        }
    }

    /// Uniform sampling needs no importance-sampling correction, so β is ignored.
    public func sample(into batch: inout ReplayBatch, beta: Double, using generator: inout Xoshiro256StarStar) {
        sample(into: &batch, using: &generator)
    }

    /// Fills `batch` with the newest `batch.size` transitions, oldest first, each exactly once, and sets every
    /// weight to 1: learning without replay (`--no-replay`) from the latest transitions, rather than drawing
    /// from them with replacement. The buffer must hold at least `batch.size` transitions.
    public func takeLatest(into batch: inout ReplayBatch) {
        precondition(count >= batch.size, "\(count) transitions held, \(batch.size) asked for")
        let oldest = nextSlot - batch.size + capacity
        for row in 0..<batch.size {
            copy(slot: (oldest + row) % capacity, into: &batch, row: row)
            batch.weights[row] = 1
        }
    }

    /// Uniform replay keeps no priorities, so TD errors change nothing.
    public func updatePriorities(indices: [Int], tdErrors: [Float]) {}

    /// Writes the transition in `slot` into row `row` of `batch`, recording the slot in `batch.indices`.
    func copy(slot: Int, into batch: inout ReplayBatch, row: Int) {
        precondition(slot >= 0 && slot < count, "slot \(slot) outside 0..<\(count)")
        if let packed {
            let start = row * observationCount
            batch.transitions.observations.withUnsafeMutableBufferPointer {
                packed.observations.read(row: slot, into: $0.baseAddress! + start)
            }
            batch.transitions.nextObservations.withUnsafeMutableBufferPointer {
                packed.next.read(row: slot, into: $0.baseAddress! + start)
            }
            batch.transitions.copyScalars(slot, of: storage, to: row)
        } else {
            batch.transitions.copyRow(slot, of: storage, to: row)
        }
        batch.indices[row] = slot
    }

    public func transition(at index: Int) -> Transition {
        precondition(index >= 0 && index < count, "slot \(index) outside 0..<\(count)")
        guard let packed else { return storage.transition(at: index) }
        return Transition(observation: packed.observations.values(row: index), action: storage.actions[index],
                          reward: storage.rewards[index], nextObservation: packed.next.values(row: index),
                          terminated: storage.terminated[index], truncated: storage.truncated[index])
    }

    /// Regrows or shrinks the buffer to `newCapacity` slots, keeping the newest min(count, newCapacity)
    /// transitions in their order: DQN's `--no-replay` memory is the last B transitions, so a live B edit
    /// resizes it.
    public func resize(capacity newCapacity: Int) {
        precondition(newCapacity >= 1, "replay capacity must be at least 1")
        let resized = ReplayBuffer(capacity: newCapacity, storage: layout)
        let kept = min(count, newCapacity)
        // Until the buffer is full nextSlot == count, so the oldest kept slot is never negative before the modulo.
        let oldest = (nextSlot - kept + capacity) % capacity
        for row in 0..<kept {
            let slot = (oldest + row) % capacity
            if let packed {
                resized.packed!.observations.copyRow(slot, of: packed.observations, to: row)
                resized.packed!.next.copyRow(slot, of: packed.next, to: row)
                resized.storage.copyScalars(slot, of: storage, to: row)
            } else {
                resized.storage.copyRow(slot, of: storage, to: row)
            }
        }
        storage = resized.storage
        packed = resized.packed
        count = kept
        nextSlot = kept % newCapacity
    }

    /// Forgets every transition (the storage stays allocated).
    public func removeAll() {
        count = 0
        nextSlot = 0
    }
}
