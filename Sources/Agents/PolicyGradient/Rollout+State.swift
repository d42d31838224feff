import RLCore

extension Rollout: StateSaving {
    /// The batch collected so far: its transitions, the states its cut paths bootstrap from and its path count.
    public func saveState(into part: inout StatePart) {
        part.set("observations", floats: observations)
        part.set("actions", integers: actions)
        part.set("rewards", doubles: rewards)
        part.set("terminated", flags: terminated)
        part.set("truncated", flags: truncated)
        part.set("bootstrap_observations", floats: bootstrapObservations)
        part.set("path_count", integer: pathCount)
    }

    public mutating func restoreState(from part: StatePart) throws(StatePartError) {
        let actions = try part.integers("actions")
        let count = actions.count
        let observations = try part.floats("observations", count: count * observationCount)
        let rewards = try part.doubles("rewards", count: count)
        let terminated = try part.flags("terminated", count: count)
        let truncated = try part.flags("truncated", count: count)
        let bootstrap = try part.floats("bootstrap_observations")
        guard bootstrap.count % observationCount == 0, bootstrap.count / observationCount <= count else {
            throw .mismatch(key: "bootstrap_observations",
                            reason: "\(bootstrap.count) floats are not whole observations of the batch's paths")
        }
        let paths = try part.integer("path_count", in: 0...count)
        (self.observations, self.actions, self.rewards, self.terminated, self.truncated) =
            (observations, actions, rewards, terminated, truncated)
        (bootstrapObservations, pathCount) = (bootstrap, paths)
    }
}
