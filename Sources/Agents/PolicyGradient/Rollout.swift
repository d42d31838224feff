import RLCore

/// The steps collected with the current policy since the last update, in `AdvantageEstimation`'s layout
/// (Spinning Up's VPG buffer): observations, actions, rewards and end flags per step, plus the observation
/// s_T after every path end that is not terminal — a truncation, or the cut made by the end of the batch —
/// so its V(s_T) can be bootstrapped. Storage keeps its capacity between batches.
public struct Rollout: Sendable {
    public let observationCount: Int
    /// sₜ, row after row.
    public internal(set) var observations: [Float] = []
    public internal(set) var actions: [Int] = []
    public internal(set) var rewards: [Double] = []
    public internal(set) var terminated: [Bool] = []
    public internal(set) var truncated: [Bool] = []
    /// s_T of each truncated or cut path end, row after row, in batch order.
    public internal(set) var bootstrapObservations: [Float] = []
    /// The number of whole or cut paths that ended in this batch.
    public internal(set) var pathCount = 0

    public init(observationCount: Int) {
        self.observationCount = observationCount
    }

    public var count: Int { actions.count }
    /// The number of truncated or cut path ends (rows of `bootstrapObservations`).
    public var bootstrapCount: Int { bootstrapObservations.count / observationCount }
    /// Whether the last stored step ended its path.
    public var endsWithPathEnd: Bool { count > 0 && (terminated[count - 1] || truncated[count - 1]) }

    /// Stores one step; after a truncated (not terminated) step, s′ is kept for bootstrapping.
    public mutating func append(observation: UnsafeBufferPointer<Float>, action: Int, reward: Double, terminated: Bool,
                                truncated: Bool, nextObservation: UnsafeBufferPointer<Float>) {
        observations.append(contentsOf: observation)
        actions.append(action)
        rewards.append(reward)
        self.terminated.append(terminated)
        self.truncated.append(truncated)
        if terminated || truncated { pathCount += 1 }
        if truncated && !terminated { bootstrapObservations.append(contentsOf: nextObservation) }
    }

    /// Stores one step and, once the batch holds `size` steps, cuts it there (see `cut`); returns whether the
    /// batch is full and ready for an update.
    public mutating func append(observation: UnsafeBufferPointer<Float>, action: Int, outcome: StepOutcome,
                                nextObservation: UnsafeBufferPointer<Float>, cuttingAt size: Int) -> Bool {
        append(observation: observation, action: action, reward: outcome.reward, terminated: outcome.terminated,
               truncated: outcome.truncated, nextObservation: nextObservation)
        guard count >= size else { return false }
        cut(nextObservation: nextObservation)
        return true
    }

    /// Ends the batch: a path still running is cut here and bootstraps from `nextObservation`
    /// (Spinning Up's `finish_path(V(s_T))` at an epoch's end).
    public mutating func cut(nextObservation: UnsafeBufferPointer<Float>) {
        guard count > 0, !endsWithPathEnd else { return }
        bootstrapObservations.append(contentsOf: nextObservation)
        pathCount += 1
    }

    /// Empties the batch, keeping the storage.
    public mutating func removeAll() {
        observations.removeAll(keepingCapacity: true)
        actions.removeAll(keepingCapacity: true)
        rewards.removeAll(keepingCapacity: true)
        terminated.removeAll(keepingCapacity: true)
        truncated.removeAll(keepingCapacity: true)
        bootstrapObservations.removeAll(keepingCapacity: true)
        pathCount = 0
    }
}
