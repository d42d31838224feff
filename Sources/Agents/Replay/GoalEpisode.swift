import RLCore

/// One episode of a goal environment, kept whole so hindsight relabelling can look at later steps.
///
/// With T steps it holds T + 1 observations o₀…o_T (each the state followed by the desired goal) and the
/// T + 1 goals achieved in those states, g₀…g_T, so `achievedGoals[t + 1]` is the goal achieved after
/// step t; actions, rewards and end flags have one entry per step.
public struct GoalEpisode: Sendable, Equatable {
    public private(set) var observations: [[Float]]
    public private(set) var achievedGoals: [[Float]]
    public private(set) var actions: [Int] = []
    public private(set) var rewards: [Double] = []
    public private(set) var terminated: [Bool] = []
    public private(set) var truncated: [Bool] = []

    /// Starts an episode from its first observation and the goal its first state achieves.
    public init(observation: [Float], achievedGoal: [Float]) {
        observations = [observation]
        achievedGoals = [achievedGoal]
    }

    /// Starts an episode from an environment just reset.
    public init(startingFrom environment: some GoalEnvironment) {
        self.init(observation: environment.observation(), achievedGoal: environment.achievedGoal)
    }

    /// The number of steps T.
    public var length: Int { actions.count }

    /// Records step t: the action, what it earned, and the observation and achieved goal it led to.
    public mutating func append(action: Int, reward: Double, terminated: Bool, truncated: Bool,
                                observation: [Float], achievedGoal: [Float]) {
        precondition(observation.count == observations[0].count, "observations must all have the same size")
        precondition(achievedGoal.count == achievedGoals[0].count, "achieved goals must all have the same size")
        actions.append(action)
        rewards.append(reward)
        self.terminated.append(terminated)
        self.truncated.append(truncated)
        observations.append(observation)
        achievedGoals.append(achievedGoal)
    }

    /// Records the step `environment` has just taken with `action` and reported as `outcome`.
    public mutating func append(action: Int, outcome: StepOutcome, environment: some GoalEnvironment) {
        append(action: action, reward: outcome.reward, terminated: outcome.terminated, truncated: outcome.truncated,
               observation: environment.observation(), achievedGoal: environment.achievedGoal)
    }
}
