import Agents
import Training

/// A line of the hyperparameter panel: a hyperparameter of the table, or the exploration rate ε now
/// (read-only: it follows its schedule ε₀ → ε₁).
public enum PanelRow: Equatable, Sendable {
    case parameter(HyperparameterKey)
    case epsilonNow

    /// The hyperparameters the panel leads with (those the notes teach with), shown dimmed where the algorithm
    /// does not use them so a student sees what each algorithm has and lacks.
    static let leading: [PanelRow] = [
        .parameter(.gamma), .parameter(.lambda), .parameter(.targetPeriod), .parameter(.learningRate),
        .parameter(.policyLearningRate), .parameter(.valueLearningRate), .epsilonNow, .parameter(.batchSize),
        .parameter(.alpha), .parameter(.beta0), .parameter(.herK),
    ]
    /// Leading rows shown even when unused.
    private static let alwaysShown: Set<HyperparameterKey> = [
        .gamma, .lambda, .targetPeriod, .learningRate, .batchSize, .alpha, .beta0, .herK,
    ]

    /// Why a hyperparameter the algorithm has does nothing in `configuration` (nil when it acts): the table's
    /// "used when" rule (`HyperparameterSpec.usedWhen`).
    public static func idleReason(of key: HyperparameterKey, in configuration: TrainingConfiguration) -> String? {
        HyperparameterSpec.spec(for: key).idleReason(algorithm: configuration.algorithm, options: configuration.options)
    }

    /// Why `key` does nothing now: the table's rule for the configuration, else the agent's own word for this
    /// point of the run (ε₀ once ε's decay is over, `Agent.idleHyperparameters`).
    public static func idleReason(of key: HyperparameterKey, in snapshot: TrainingSnapshot) -> String? {
        idleReason(of: key, in: snapshot.configuration) ?? snapshot.idleNow[key]
    }

    /// The rows for an agent with `hyperparameters`: the leading rows, then every other hyperparameter the
    /// algorithm can change while it runs, in the table's order.
    public static func rows(for hyperparameters: Hyperparameters) -> [PanelRow] {
        let leading = Self.leading.filter { row in
            switch row {
            case .epsilonNow: true
            case .parameter(let key): hyperparameters.values[key] != nil || alwaysShown.contains(key)
            }
        }
        let rest = HyperparameterSpec.table.filter { spec in
            spec.live && hyperparameters.values[spec.key] != nil && !leading.contains(.parameter(spec.key))
        }
        return leading + rest.map { .parameter($0.key) }
    }
}
