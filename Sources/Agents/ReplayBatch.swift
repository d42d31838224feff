/// A minibatch drawn from replay, in flat arrays the caller allocates once and reuses: row i of
/// `observations` is `observations[i * observationCount ..< (i + 1) * observationCount]`. Sampling writes
/// into it in place, so drawing a batch allocates nothing in steady state.
public struct ReplayBatch: Sendable {
    public let size: Int
    public let observationCount: Int
    public internal(set) var observations: [Float]
    public internal(set) var actions: [Int]
    public internal(set) var rewards: [Float]
    public internal(set) var nextObservations: [Float]
    public internal(set) var terminated: [Bool]
    public internal(set) var truncated: [Bool]
    /// Where each row sits in the replay memory (what `updatePriorities` takes back).
    public internal(set) var indices: [Int]
    /// The importance-sampling weight of each row (all 1 for uniform replay); multiply each row's loss by it.
    public internal(set) var weights: [Float]

    public init(size: Int, observationCount: Int) {
        precondition(size >= 1, "a batch needs at least one row")
        precondition(observationCount >= 1, "observations need at least one float")
        self.size = size
        self.observationCount = observationCount
        observations = [Float](repeating: 0, count: size * observationCount)
        actions = [Int](repeating: 0, count: size)
        rewards = [Float](repeating: 0, count: size)
        nextObservations = [Float](repeating: 0, count: size * observationCount)
        terminated = [Bool](repeating: false, count: size)
        truncated = [Bool](repeating: false, count: size)
        indices = [Int](repeating: 0, count: size)
        weights = [Float](repeating: 1, count: size)
    }
}
