import RLCore

extension TraceableEnvironment {
    /// Saves a gymnasium classic-control environment's state: its doubles in gymnasium's order, the TimeLimit's
    /// count and its generator.
    static func save(state: State, elapsedSteps: Int, random: EnvironmentRandom, into part: inout StatePart) {
        part.set("state", doubles: state.components)
        part.set("elapsed_steps", integer: elapsedSteps)
        random.save(into: &part, as: "random")
    }

    /// What `save(state:elapsedSteps:random:into:)` wrote, checked: finite doubles, a count within `timeLimit`.
    static func restored(from part: StatePart, timeLimit: Int) throws(StatePartError)
        -> (state: State, elapsedSteps: Int, random: EnvironmentRandom)
    {
        let components = try part.doubles("state", count: State.componentNames.count)
        if let index = components.firstIndex(where: { !$0.isFinite }) { throw .notFinite(key: "state", index: index) }
        let elapsed = try part.integer("elapsed_steps", in: 0...timeLimit)
        return (State(components: components), elapsed, try EnvironmentRandom(restoring: part, from: "random"))
    }
}
