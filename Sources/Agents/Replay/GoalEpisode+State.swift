import RLCore

extension GoalEpisode {
    /// The episode so far: its s‖g and achieved goals (one more than its steps), actions, rewards and end flags.
    public func save(into part: inout StatePart) {
        part.set("observations", floats: observations.flatMap { $0 })
        part.set("achieved_goals", floats: achievedGoals.flatMap { $0 })
        part.set("actions", integers: actions)
        part.set("rewards", doubles: rewards)
        part.set("terminated", flags: terminated)
        part.set("truncated", flags: truncated)
    }

    /// The episode `save(into:)` wrote, with observations of `observationCount` floats.
    public init(restoring part: StatePart, observationCount: Int) throws(StatePartError) {
        let actions = try part.integers("actions")
        let steps = actions.count
        let observations = try part.floats("observations", count: (steps + 1) * observationCount)
        let goals = try part.floats("achieved_goals")
        let goalCount = goals.count / (steps + 1)
        guard goalCount >= 1, goals.count == (steps + 1) * goalCount else {
            throw .mismatch(key: "achieved_goals", reason: "\(goals.count) floats are not one goal per state of \(steps + 1)")
        }
        let rewards = try part.doubles("rewards", count: steps)
        let terminated = try part.flags("terminated", count: steps)
        let truncated = try part.flags("truncated", count: steps)
        func row(_ values: [Float], _ index: Int, _ width: Int) -> [Float] { Array(values[index * width ..< (index + 1) * width]) }
        self.init(observation: row(observations, 0, observationCount), achievedGoal: row(goals, 0, goalCount))
        for step in 0..<steps {
            append(action: actions[step], reward: rewards[step], terminated: terminated[step], truncated: truncated[step],
                   observation: row(observations, step + 1, observationCount), achievedGoal: row(goals, step + 1, goalCount))
        }
    }
}
