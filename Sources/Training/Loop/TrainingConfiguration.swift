import Agents
import RLCore

/// Everything that defines a training run, as `run.json` records it: rerunning with the same
/// configuration reproduces the run's episodes exactly.
public struct TrainingConfiguration: Sendable, Codable, Equatable {
    /// The version of rlterm whose behaviour this configuration describes.
    public static let rltermVersion = "0.1.0"

    public var environment: EnvironmentSpec
    /// The algorithm and every hyperparameter it reads, each checked against its range.
    public var hyperparameters: Hyperparameters
    public var options: AgentOptions
    /// The number of environment steps.
    public var steps: Int
    public var seed: UInt64
    /// Environment steps between greedy evaluations; 0 means none.
    public var evaluationInterval: Int
    public var evaluationEpisodes: Int
    /// End the run at the first evaluation whose mean return reaches the environment's threshold.
    public var stopWhenSolved: Bool
    /// The preset the run started from (`dqn/cartpole`), nil when the pair has none.
    public var preset: String?
    /// The hyperparameters (and `time-limit`) given other values than the preset's on the command line.
    public var overridden: [String]
    public var version: String

    /// The algorithm the run trains.
    public var algorithm: Algorithm { hyperparameters.algorithm }

    public init(environment: EnvironmentSpec, hyperparameters: Hyperparameters, options: AgentOptions = AgentOptions(),
                steps: Int, seed: UInt64, evaluationInterval: Int = 0, evaluationEpisodes: Int = 10,
                stopWhenSolved: Bool = false) {
        self.environment = environment
        self.hyperparameters = hyperparameters
        self.options = options
        self.steps = steps
        self.seed = seed
        self.evaluationInterval = evaluationInterval
        self.evaluationEpisodes = evaluationEpisodes
        self.stopWhenSolved = stopWhenSolved
        preset = nil
        overridden = []
        version = Self.rltermVersion
    }

    /// A run of `algorithm` with its default hyperparameters.
    public init(environment: EnvironmentSpec, algorithm: Algorithm, options: AgentOptions = AgentOptions(), steps: Int,
                seed: UInt64, evaluationInterval: Int = 0, evaluationEpisodes: Int = 10, stopWhenSolved: Bool = false) {
        self.init(environment: environment, hyperparameters: Hyperparameters(defaultsFor: algorithm), options: options,
                  steps: steps, seed: seed, evaluationInterval: evaluationInterval, evaluationEpisodes: evaluationEpisodes,
                  stopWhenSolved: stopWhenSolved)
    }

    /// A run of `algorithm` with `changes` to its default hyperparameters, each checked against its range.
    public init(environment: EnvironmentSpec, algorithm: Algorithm, hyperparameters changes: [HyperparameterKey: Double],
                options: AgentOptions = AgentOptions(), steps: Int, seed: UInt64, evaluationInterval: Int = 0,
                evaluationEpisodes: Int = 10, stopWhenSolved: Bool = false) throws(HyperparameterError) {
        self.init(environment: environment, hyperparameters: try Hyperparameters(algorithm, changes), options: options,
                  steps: steps, seed: seed, evaluationInterval: evaluationInterval, evaluationEpisodes: evaluationEpisodes,
                  stopWhenSolved: stopWhenSolved)
    }

    private enum CodingKeys: String, CodingKey {
        case environment, algorithm, hyperparameters, options, steps, seed, evaluationInterval, evaluationEpisodes
        case stopWhenSolved, preset, overridden, version
    }

    /// Reads a `run.json`: the algorithm must be registered and every hyperparameter its own and in range.
    /// Files written before presets existed have neither `preset` nor `overridden`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decode(String.self, forKey: .algorithm)
        let algorithm: Algorithm
        let named = try container.decode([String: Double].self, forKey: .hyperparameters)
        do {
            algorithm = try AlgorithmRegistry.algorithm(named: name)
            hyperparameters = try Hyperparameters(algorithm: algorithm, named: named)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .algorithm, in: container, debugDescription: "\(error)")
        }
        environment = try container.decode(EnvironmentSpec.self, forKey: .environment)
        options = try container.decode(AgentOptions.self, forKey: .options)
        steps = try container.decode(Int.self, forKey: .steps)
        seed = try container.decode(UInt64.self, forKey: .seed)
        evaluationInterval = try container.decode(Int.self, forKey: .evaluationInterval)
        evaluationEpisodes = try container.decode(Int.self, forKey: .evaluationEpisodes)
        stopWhenSolved = try container.decode(Bool.self, forKey: .stopWhenSolved)
        preset = try container.decodeIfPresent(String.self, forKey: .preset)
        overridden = try container.decodeIfPresent([String].self, forKey: .overridden) ?? []
        version = try container.decode(String.self, forKey: .version)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(environment, forKey: .environment)
        try container.encode(algorithm.name, forKey: .algorithm)
        try container.encode(hyperparameters.named, forKey: .hyperparameters)
        try container.encode(options, forKey: .options)
        try container.encode(steps, forKey: .steps)
        try container.encode(seed, forKey: .seed)
        try container.encode(evaluationInterval, forKey: .evaluationInterval)
        try container.encode(evaluationEpisodes, forKey: .evaluationEpisodes)
        try container.encode(stopWhenSolved, forKey: .stopWhenSolved)
        try container.encode(preset, forKey: .preset)
        try container.encode(overridden, forKey: .overridden)
        try container.encode(version, forKey: .version)
    }
}
