import RLCore

/// What an algorithm's factory needs to build an agent: the shapes of the environment, the step budget
/// (schedules such as ε and β are fractions of it), the run seed, and validated settings.
public struct AgentConfiguration: Sendable {
    public var observationCount: Int
    public var actionCount: Int
    /// The number of environment steps the run will take (ε decays over a fraction of it; β reaches 1 at it).
    public var totalSteps: Int
    public var seed: RunSeed
    public var hyperparameters: Hyperparameters
    public var options: AgentOptions
    /// Whether the environment is a `GoalEnvironment` (hindsight relabelling needs one).
    public var isGoalEnvironment: Bool

    public init(observationCount: Int, actionCount: Int, totalSteps: Int, seed: RunSeed, hyperparameters: Hyperparameters,
                options: AgentOptions = AgentOptions(), isGoalEnvironment: Bool = false) {
        self.observationCount = observationCount
        self.actionCount = actionCount
        self.totalSteps = totalSteps
        self.seed = seed
        self.hyperparameters = hyperparameters
        self.options = options
        self.isGoalEnvironment = isGoalEnvironment
    }
}
