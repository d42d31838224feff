import Agents
import RLCore

/// Everything that defines a training run, as `run.json` records it: rerunning with the same
/// configuration reproduces the run's episodes exactly.
public struct TrainingConfiguration: Sendable, Codable, Equatable {
    /// The version of rlterm whose behaviour this configuration describes.
    public static let rltermVersion = "0.1.0"

    public var environment: EnvironmentSpec
    public var algorithm: String
    /// Hyperparameters by key; keys absent take the algorithm's defaults.
    public var hyperparameters: [String: Double]
    public var options: AgentOptions
    /// The number of environment steps.
    public var steps: Int
    public var seed: UInt64
    /// Environment steps between greedy evaluations; 0 means none.
    public var evaluationInterval: Int
    public var evaluationEpisodes: Int
    /// End the run at the first evaluation whose mean return reaches the environment's threshold.
    public var stopWhenSolved: Bool
    public var version: String

    public init(environment: EnvironmentSpec, algorithm: String, hyperparameters: [String: Double] = [:],
                options: AgentOptions = AgentOptions(), steps: Int, seed: UInt64, evaluationInterval: Int = 0,
                evaluationEpisodes: Int = 10, stopWhenSolved: Bool = false) {
        self.environment = environment
        self.algorithm = algorithm
        self.hyperparameters = hyperparameters
        self.options = options
        self.steps = steps
        self.seed = seed
        self.evaluationInterval = evaluationInterval
        self.evaluationEpisodes = evaluationEpisodes
        self.stopWhenSolved = stopWhenSolved
        version = Self.rltermVersion
    }

    /// The algorithm's validated hyperparameters: its defaults with `hyperparameters` applied.
    public func resolvedHyperparameters() throws(HyperparameterError) -> Hyperparameters {
        try Hyperparameters(algorithm: algorithm, named: hyperparameters)
    }
}
