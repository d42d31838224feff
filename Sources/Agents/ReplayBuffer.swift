import RLCore

/// Experience replay with uniform sampling (Mnih et al. 2015): a ring buffer of the most recent `capacity`
/// transitions in flat, preallocated arrays, so storing and sampling allocate nothing once it exists.
///
/// Minibatch rows are drawn independently and with replacement, each slot with probability 1/count, by
/// `Xoshiro256StarStar.uniformInt(below:)`. It is a class because the memory is large and mutated in
/// place by its one owner, the training thread.
public final class ReplayBuffer: ReplayMemory {
    public let capacity: Int
    public let observationCount: Int
    public private(set) var count = 0
    /// The slot the next transition goes into.
    private var nextSlot = 0
    private var observations: [Float]
    private var nextObservations: [Float]
    private var actions: [Int]
    private var rewards: [Float]
    private var terminated: [Bool]
    private var truncated: [Bool]

    public init(capacity: Int, observationCount: Int) {
        precondition(capacity >= 1, "replay capacity must be at least 1")
        precondition(observationCount >= 1, "observations need at least one float")
        self.capacity = capacity
        self.observationCount = observationCount
        observations = [Float](repeating: 0, count: capacity * observationCount)
        nextObservations = [Float](repeating: 0, count: capacity * observationCount)
        actions = [Int](repeating: 0, count: capacity)
        rewards = [Float](repeating: 0, count: capacity)
        terminated = [Bool](repeating: false, count: capacity)
        truncated = [Bool](repeating: false, count: capacity)
    }

    @discardableResult
    public func add(observation: UnsafeBufferPointer<Float>, action: Int, reward: Float,
                    nextObservation: UnsafeBufferPointer<Float>, terminated: Bool, truncated: Bool) -> Int {
        precondition(observation.count == observationCount && nextObservation.count == observationCount,
                     "observations must hold \(observationCount) floats")
        let slot = nextSlot
        let start = slot * observationCount
        observations.withUnsafeMutableBufferPointer { storage in
            (storage.baseAddress! + start).update(from: observation.baseAddress!, count: observationCount)
        }
        nextObservations.withUnsafeMutableBufferPointer { storage in
            (storage.baseAddress! + start).update(from: nextObservation.baseAddress!, count: observationCount)
        }
        actions[slot] = action
        rewards[slot] = reward
        self.terminated[slot] = terminated
        self.truncated[slot] = truncated
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

    /// Uniform replay keeps no priorities, so TD errors change nothing.
    public func updatePriorities(indices: [Int], tdErrors: [Float]) {}

    /// Writes the transition in `slot` into row `row` of `batch`, recording the slot in `batch.indices`.
    func copy(slot: Int, into batch: inout ReplayBatch, row: Int) {
        precondition(slot >= 0 && slot < count, "slot \(slot) outside 0..<\(count)")
        precondition(batch.observationCount == observationCount, "the batch holds observations of another size")
        let source = slot * observationCount, destination = row * observationCount
        observations.withUnsafeBufferPointer { storage in
            batch.observations.withUnsafeMutableBufferPointer { rows in
                (rows.baseAddress! + destination).update(from: storage.baseAddress! + source, count: observationCount)
            }
        }
        nextObservations.withUnsafeBufferPointer { storage in
            batch.nextObservations.withUnsafeMutableBufferPointer { rows in
                (rows.baseAddress! + destination).update(from: storage.baseAddress! + source, count: observationCount)
            }
        }
        batch.actions[row] = actions[slot]
        batch.rewards[row] = rewards[slot]
        batch.terminated[row] = terminated[slot]
        batch.truncated[row] = truncated[slot]
        batch.indices[row] = slot
    }

    public func transition(at index: Int) -> Transition {
        precondition(index >= 0 && index < count, "slot \(index) outside 0..<\(count)")
        let range = index * observationCount ..< (index + 1) * observationCount
        return Transition(observation: Array(observations[range]), action: actions[index], reward: rewards[index],
                          nextObservation: Array(nextObservations[range]), terminated: terminated[index],
                          truncated: truncated[index])
    }

    /// Forgets every transition (the storage stays allocated).
    public func removeAll() {
        count = 0
        nextSlot = 0
    }
}
