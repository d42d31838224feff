import RLCore

extension ReplayBuffer: StateSaving {
    /// The slots in use (0..<count) column by column, the next slot to write and the capacity (checked
    /// against the configured one on restore). Packed observations are saved packed, as 64-bit words
    /// (`packed_observations`, `packed_next_observations`), in place of the float columns.
    public func saveState(into part: inout StatePart) {
        let floats = count * observationCount
        part.set("capacity", integer: capacity)
        part.set("count", integer: count)
        part.set("next_slot", integer: nextSlot)
        if let packed {
            part.set("packed_observations", words: packed.observations.prefix(rows: count))
            part.set("packed_next_observations", words: packed.next.prefix(rows: count))
        } else {
            part.set("observations", floats: Array(storage.observations[..<floats]))
            part.set("next_observations", floats: Array(storage.nextObservations[..<floats]))
        }
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
        var observations: [Float] = [], next: [Float] = []
        var packedWords: (observations: [UInt64], next: [UInt64]) = ([], [])
        if let packed {
            let words = count * packed.observations.wordsPerRow
            for key in ["observations", "next_observations"] where part.arrays[key] != nil {
                throw .mismatch(key: key, reason: "saved as floats, the run's memory keeps binary observations packed")
            }
            packedWords = (try part.words("packed_observations", count: words),
                           try part.words("packed_next_observations", count: words))
            for (key, saved) in [("packed_observations", packedWords.observations), ("packed_next_observations", packedWords.next)] {
                if let index = packed.observations.firstStrayBit(in: saved) {
                    throw .outOfRange(key: key, index: index, reason: "a bit is set past the observation's last value")
                }
            }
        } else {
            observations = try part.floats("observations", count: floats)
            next = try part.floats("next_observations", count: floats)
        }
        let actions = try part.integers("actions", count: count)
        let rewards = try part.floats("rewards", count: count)
        let terminated = try part.flags("terminated", count: count)
        let truncated = try part.flags("truncated", count: count)
        if packed != nil {
            packed!.observations.restorePrefix(packedWords.observations)
            packed!.next.restorePrefix(packedWords.next)
        } else {
            storage.observations.replaceSubrange(0..<floats, with: observations)
            storage.nextObservations.replaceSubrange(0..<floats, with: next)
        }
        storage.actions.replaceSubrange(0..<count, with: actions)
        storage.rewards.replaceSubrange(0..<count, with: rewards)
        storage.terminated.replaceSubrange(0..<count, with: terminated)
        storage.truncated.replaceSubrange(0..<count, with: truncated)
        self.count = count
        self.nextSlot = nextSlot
    }
}
