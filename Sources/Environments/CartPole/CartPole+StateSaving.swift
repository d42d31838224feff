import RLCore

extension CartPole {
    /// The state in doubles, the TimeLimit's count, the generator and gymnasium's `steps_beyond_terminated`
    /// (−1 for None).
    public func saveState(into part: inout StatePart) {
        Self.save(state: state, elapsedSteps: elapsedSteps, random: random, into: &part)
        part.set("steps_beyond_terminated", integer: stepsBeyondTerminated ?? -1)
    }

    public mutating func restoreState(from part: StatePart) throws(StatePartError) {
        let saved = try Self.restored(from: part, timeLimit: Self.maxEpisodeSteps)
        let beyond = try part.integer("steps_beyond_terminated", in: -1...Self.maxEpisodeSteps)
        (state, elapsedSteps, random) = saved
        stepsBeyondTerminated = beyond < 0 ? nil : beyond
    }
}
