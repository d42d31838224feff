import RLCore

extension BitFlipping {
    /// The bits, the goal, the steps since the reset and the generator.
    public func saveState(into part: inout StatePart) {
        part.set("state", floats: state)
        part.set("goal", floats: goal)
        part.set("elapsed_steps", integer: elapsedSteps)
        part.set("generator", generator: generator)
    }

    public mutating func restoreState(from part: StatePart) throws(StatePartError) {
        let bits = try part.floats("state", count: bitCount), goal = try part.floats("goal", count: bitCount)
        for (key, values) in [("state", bits), ("goal", goal)] {
            if let index = values.firstIndex(where: { $0 != 0 && $0 != 1 }) {
                throw .outOfRange(key: key, index: index, reason: "\(values[index]) is not a bit")
            }
        }
        let elapsed = try part.integer("elapsed_steps", in: 0...bitCount)
        let generator = try part.generator("generator")
        (state, self.goal, elapsedSteps, self.generator) = (bits, goal, elapsed, generator)
    }
}
