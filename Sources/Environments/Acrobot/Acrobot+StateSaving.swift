import RLCore

extension Acrobot {
    /// The state in doubles, the TimeLimit's count, the generator, and whether the state is still the float32
    /// one a reset drew (which decides how the next observation's cos and sin are taken).
    public func saveState(into part: inout StatePart) {
        Self.save(state: state, elapsedSteps: elapsedSteps, random: random, into: &part)
        part.set("state_is_float32", integer: stateIsFloat32 ? 1 : 0)
    }

    public mutating func restoreState(from part: StatePart) throws(StatePartError) {
        (state, elapsedSteps, random) = try Self.restored(from: part, timeLimit: Self.maxEpisodeSteps)
        stateIsFloat32 = try part.integer("state_is_float32", in: 0...1) == 1
    }
}
