import Agents

/// The tuned starting point of one algorithm on one environment, read from `envs/presets/ALGORITHM.txt`:
/// the hyperparameters that differ from (or restate) the algorithm's defaults, the policy-gradient weight Ψ where
/// the algorithm's default is not the one that learns the task, and a time limit for maps whose episodes would
/// otherwise never end under a method that waits for the episode's end.
public struct Preset: Sendable, Equatable {
    public let algorithm: Algorithm
    /// The environment's name as `--env` gives it (`cartpole`, `cliffwalking`).
    public let environment: String
    /// The values the preset file gives, each read by the algorithm and in range.
    public let values: [HyperparameterKey: Double]
    /// Steps after which a map's episodes are truncated (`time-limit`), nil to keep the map's own.
    public let timeLimit: Int?
    /// The step budget the values were tuned for (`steps`): `rlterm train`'s `--steps` when not given, and the
    /// horizon of ε's and β's schedules in the live view. Nil where the preset gives none.
    public let steps: Int?
    /// The Ψ the pair starts with (`psi`, as `--psi` takes it), nil for the algorithm's default.
    public let psi: Psi?

    public init(algorithm: Algorithm, environment: String, values: [HyperparameterKey: Double], timeLimit: Int?,
                steps: Int? = nil, psi: Psi? = nil) {
        self.algorithm = algorithm
        self.environment = environment
        self.values = values
        self.timeLimit = timeLimit
        self.steps = steps
        self.psi = psi
    }

    /// How `run.json` and messages name it: `dqn/cartpole`.
    public var name: String { "\(algorithm.name)/\(environment)" }

    /// The algorithm's defaults with the preset's values applied.
    public var hyperparameters: Hyperparameters {
        var hyperparameters = Hyperparameters(defaultsFor: algorithm)
        for (key, value) in values {
            // The parser admitted only keys the algorithm reads, in range.
            try? hyperparameters.set(key, to: value)
        }
        return hyperparameters
    }
}
