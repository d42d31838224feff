import RLCore

extension MountainCar {
    /// The state in doubles, the TimeLimit's count and the generator.
    public func saveState(into part: inout StatePart) {
        Self.save(state: state, elapsedSteps: elapsedSteps, random: random, into: &part)
    }

    public mutating func restoreState(from part: StatePart) throws(StatePartError) {
        (state, elapsedSteps, random) = try Self.restored(from: part, timeLimit: Self.maxEpisodeSteps)
    }
}
