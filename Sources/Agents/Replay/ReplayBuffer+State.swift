import RLCore

extension ReplayBuffer: StateSaving {
    /// The slots in use (0..<count) column by column, the next slot to write and the capacity (checked
    /// against the configured one on restore).
    public func saveState(into part: inout StatePart) {
        let floats = count * observationCount
        part.set("capacity", integer: capacity)
        part.set("count", integer: count)
        part.set("next_slot", integer: nextSlot)
        part.set("observations", floats: Array(storage.observations[..<floats]))
        part.set("next_observations", floats: Array(storage.nextObservations[..<floats]))
        part.set("actions", integers: Array(storage.actions[..<count]))
        part.set("rewards", floats: Array(storage.rewards[..<count]))
        part.set("terminated", flags: Array(storage.terminated[..<count]))
        part.set("truncated", flags: Array(storage.truncated[..<count]))
    }

    public func restoreState(from part: StatePart) throws(StatePartError) {
        let saved = try part.integer("capacity")
        guard saved == capacity else {
            throw .mismatch(key: "capacity", reason: "saved with room for \(saved) transitions, the run's memory holds \(capacity)")
        }
        let count = try part.integer("count", in: 0...capacity)
        // Until the memory is full the next slot is its count; after, any slot.
        let nextSlot = try part.integer("next_slot", in: count < capacity ? count...count : 0...(capacity - 1))
        let floats = count * observationCount
        let observations = try part.floats("observations", count: floats)
        let next = try part.floats("next_observations", count: floats)
        let actions = try part.integers("actions", count: count)
        let rewards = try part.floats("rewards", count: count)
        let terminated = try part.flags("terminated", count: count)
        let truncated = try part.flags("truncated", count: count)
        storage.observations.replaceSubrange(0..<floats, with: observations)
        storage.nextObservations.replaceSubrange(0..<floats, with: next)
        storage.actions.replaceSubrange(0..<count, with: actions)
        storage.rewards.replaceSubrange(0..<count, with: rewards)
        storage.terminated.replaceSubrange(0..<count, with: terminated)
        storage.truncated.replaceSubrange(0..<count, with: truncated)
        self.count = count
        self.nextSlot = nextSlot
    }
}
