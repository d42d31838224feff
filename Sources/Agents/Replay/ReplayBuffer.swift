import RLCore

/// Experience replay with uniform sampling (Mnih et al. 2015): a ring buffer of the most recent `capacity`
/// transitions in flat, preallocated arrays, so storing and sampling allocate nothing once it exists.
///
/// Minibatch rows are drawn independently and with replacement, each slot with probability 1/count, by
/// `Xoshiro256StarStar.uniformInt(below:)`. It is a class because the memory is large and mutated in
/// place by its one owner, the training thread.
public final class ReplayBuffer: ReplayMemory {
    public internal(set) var count = 0
    /// The slot the next transition goes into.
    var nextSlot = 0
    var storage: TransitionColumns

    public init(capacity: Int, observationCount: Int) {
        precondition(capacity >= 1, "replay capacity must be at least 1")
        storage = TransitionColumns(rows: capacity, observationCount: observationCount)
    }

    public var capacity: Int { storage.rowCount }

    /// The bytes a buffer of `capacity` transitions allocates.
    public static func bytes(capacity: Int, observationCount: Int) -> Int {
        TransitionColumns.bytes(rows: capacity, observationCount: observationCount)
    }
    public var observationCount: Int { storage.observationCount }

    @discardableResult
    public func add(observation: UnsafeBufferPointer<Float>, action: Int, reward: Float,
                    nextObservation: UnsafeBufferPointer<Float>, terminated: Bool, truncated: Bool) -> Int {
        let slot = nextSlot
        storage.write(row: slot, observation: observation, action: action, reward: reward,
                      nextObservation: nextObservation, terminated: terminated, truncated: truncated)
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
        batch.transitions.copyRow(slot, of: storage, to: row)
        batch.indices[row] = slot
    }

    public func transition(at index: Int) -> Transition {
        precondition(index >= 0 && index < count, "slot \(index) outside 0..<\(count)")
        return storage.transition(at: index)
    }

    /// Regrows or shrinks the buffer to `newCapacity` slots, keeping the newest min(count, newCapacity)
    /// transitions in their order: DQN's `--no-replay` memory is the last B transitions, so a live B edit
    /// resizes it.
    public func resize(capacity newCapacity: Int) {
        precondition(newCapacity >= 1, "replay capacity must be at least 1")
        var resized = TransitionColumns(rows: newCapacity, observationCount: observationCount)
        let kept = min(count, newCapacity)
        // Until the buffer is full nextSlot == count, so the oldest kept slot is never negative before the modulo.
        let oldest = (nextSlot - kept + capacity) % capacity
        for row in 0..<kept { resized.copyRow((oldest + row) % capacity, of: storage, to: row) }
        storage = resized
        count = kept
        nextSlot = kept % newCapacity
    }

    /// Forgets every transition (the storage stays allocated).
    public func removeAll() {
        count = 0
        nextSlot = 0
    }
}
