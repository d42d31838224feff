import RLCore

extension Gridworld {
    /// The agent's cell, the steps since the reset and the generator (the map is configuration).
    public func saveState(into part: inout StatePart) {
        part.set("position", integer: position)
        part.set("elapsed_steps", integer: elapsedSteps)
        random.save(into: &part, as: "random")
    }

    public mutating func restoreState(from part: StatePart) throws(StatePartError) {
        let position = try part.integer("position", in: 0...(map.rows * map.cols - 1))
        let elapsed = try part.integer("elapsed_steps", in: 0...(map.settings.maxSteps ?? Int.max))
        let random = try EnvironmentRandom(restoring: part, from: "random")
        (self.position, elapsedSteps, self.random) = (position, elapsed, random)
    }
}
