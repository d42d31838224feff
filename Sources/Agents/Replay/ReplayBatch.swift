/// A minibatch drawn from replay, held in arrays the caller allocates once and reuses: sampling writes into
/// it in place, so drawing a batch allocates nothing in steady state.
public struct ReplayBatch: Sendable {
    /// The sampled transitions, one row each (`transitions.observations`, `transitions.rewards`, …).
    public internal(set) var transitions: TransitionColumns
    /// Where each row sits in the replay memory (what `updatePriorities` takes back).
    public internal(set) var indices: [Int]
    /// The importance-sampling weight of each row (all 1 for uniform replay); multiply each row's loss by it.
    public internal(set) var weights: [Float]

    public init(size: Int, observationCount: Int) {
        transitions = TransitionColumns(rows: size, observationCount: observationCount)
        indices = [Int](repeating: 0, count: size)
        weights = [Float](repeating: 1, count: size)
    }

    /// The number of rows.
    public var size: Int { transitions.rowCount }
}
