/// Transitions stored column by column in flat arrays allocated once: row i's observation is
/// `observations[i * observationCount ..< (i + 1) * observationCount]`, and likewise for the other columns.
/// It is both the storage of a replay memory and the body of a sampled minibatch, so copying a transition
/// from one to the other is a few `memcpy`s and never allocates.
public struct TransitionColumns: Sendable {
    public let rowCount: Int
    public let observationCount: Int
    public internal(set) var observations: [Float]
    public internal(set) var actions: [Int]
    public internal(set) var rewards: [Float]
    public internal(set) var nextObservations: [Float]
    /// sᵢ′ is terminal: targets do not bootstrap from it.
    public internal(set) var terminated: [Bool]
    /// The episode was cut after row i (a time limit): sᵢ′ still has a value to bootstrap from.
    public internal(set) var truncated: [Bool]

    public init(rows: Int, observationCount: Int) {
        self.init(rows: rows, observationCount: observationCount, storesObservations: true)
    }

    /// Without `storesObservations` the two observation columns stay empty: a replay memory that keeps its
    /// observations packed elsewhere (`PackedObservations`) uses only the other columns.
    init(rows: Int, observationCount: Int, storesObservations: Bool) {
        precondition(rows >= 1, "at least one row")
        precondition(observationCount >= 1, "observations need at least one float")
        rowCount = rows
        self.observationCount = observationCount
        let floats = storesObservations ? rows * observationCount : 0
        observations = [Float](repeating: 0, count: floats)
        actions = [Int](repeating: 0, count: rows)
        rewards = [Float](repeating: 0, count: rows)
        nextObservations = [Float](repeating: 0, count: floats)
        terminated = [Bool](repeating: false, count: rows)
        truncated = [Bool](repeating: false, count: rows)
    }

    /// The bytes a table of `rows` rows allocates (its six columns).
    public static func bytes(rows: Int, observationCount: Int) -> Int {
        rows * 2 * observationCount * MemoryLayout<Float>.stride + scalarBytes(rows: rows)
    }

    /// The bytes of the four columns besides the observations.
    static func scalarBytes(rows: Int) -> Int {
        rows * (MemoryLayout<Int>.stride + MemoryLayout<Float>.stride + 2 * MemoryLayout<Bool>.stride)
    }

    /// Overwrites row `row` with one transition.
    mutating func write(row: Int, observation: UnsafeBufferPointer<Float>, action: Int, reward: Float,
                        nextObservation: UnsafeBufferPointer<Float>, terminated: Bool, truncated: Bool) {
        precondition(observation.count == observationCount && nextObservation.count == observationCount,
                     "observations must hold \(observationCount) floats")
        Self.copy(observationCount, from: observation.baseAddress!, into: &observations, at: row * observationCount)
        Self.copy(observationCount, from: nextObservation.baseAddress!, into: &nextObservations, at: row * observationCount)
        write(row: row, action: action, reward: reward, terminated: terminated, truncated: truncated)
    }

    /// Overwrites row `row`'s action, reward and end flags, leaving its observations.
    mutating func write(row: Int, action: Int, reward: Float, terminated: Bool, truncated: Bool) {
        actions[row] = action
        rewards[row] = reward
        self.terminated[row] = terminated
        self.truncated[row] = truncated
    }

    /// Overwrites row `row` with row `source` of `other`.
    mutating func copyRow(_ source: Int, of other: TransitionColumns, to row: Int) {
        precondition(other.observationCount == observationCount, "the tables hold observations of different sizes")
        let start = source * observationCount
        other.observations.withUnsafeBufferPointer { column in
            Self.copy(observationCount, from: column.baseAddress! + start, into: &observations, at: row * observationCount)
        }
        other.nextObservations.withUnsafeBufferPointer { column in
            Self.copy(observationCount, from: column.baseAddress! + start, into: &nextObservations, at: row * observationCount)
        }
        copyScalars(source, of: other, to: row)
    }

    /// Overwrites row `row`'s action, reward and end flags with row `source`'s of `other`.
    mutating func copyScalars(_ source: Int, of other: TransitionColumns, to row: Int) {
        actions[row] = other.actions[source]
        rewards[row] = other.rewards[source]
        terminated[row] = other.terminated[source]
        truncated[row] = other.truncated[source]
    }

    /// A copy of row `row` as a value (allocates; for inspection and tests).
    public func transition(at row: Int) -> Transition {
        let range = row * observationCount ..< (row + 1) * observationCount
        return Transition(observation: Array(observations[range]), action: actions[row], reward: rewards[row],
                          nextObservation: Array(nextObservations[range]), terminated: terminated[row],
                          truncated: truncated[row])
    }

    private static func copy(_ count: Int, from source: UnsafePointer<Float>, into column: inout [Float], at start: Int) {
        column.withUnsafeMutableBufferPointer { destination in
            (destination.baseAddress! + start).update(from: source, count: count)
        }
    }
}
