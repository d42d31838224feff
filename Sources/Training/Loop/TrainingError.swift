import Agents
import Environments
import NeuralNet

/// Why a run could not start or go on. The CLI maps each case to a sysexits status.
public enum TrainingError: Error, CustomStringConvertible {
    /// A setting outside its valid range (64).
    case invalid(String)
    case hyperparameter(HyperparameterError)
    case algorithm(AlgorithmError)
    case environment(MapLoadError)
    /// Writing the run's files failed (74).
    case log(RunLogError)
    case checkpoint(CheckpointError)
    /// The agent met a non-finite loss, gradient or policy at `step` and stopped learning, or its values
    /// diverged (`DivergenceWatchdog`) (70).
    case agentFailed(step: Int, reason: String)

    public var description: String {
        switch self {
        case .invalid(let message): return message
        case .hyperparameter(let error): return error.description
        case .algorithm(let error): return error.description
        case .environment(let error): return error.description
        case .log(let error): return error.description
        case .checkpoint(let error): return error.description
        case .agentFailed(let step, let reason):
            return "training stopped at step \(step): \(reason); the last good checkpoint is kept"
        }
    }
}
