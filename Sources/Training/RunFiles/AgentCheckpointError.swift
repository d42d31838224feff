import Agents
import NeuralNet

/// Why a saved agent could not be loaded; the CLI maps `unreadable` to exit status 66 and the rest to 65.
public enum AgentCheckpointError: Error, CustomStringConvertible {
    /// The file is missing, not a regular file, or cannot be read (a `CheckpointError.cannotRead`).
    case unreadable(CheckpointError)
    /// The file is not a valid checkpoint of the declared networks.
    case corrupt(CheckpointError)
    /// The metadata does not describe an agent rlterm can rebuild.
    case badMetadata(path: String, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let error): return error.description
        case .corrupt(let error): return error.description
        case .badMetadata(let path, let reason): return "\(path): checkpoint metadata: \(reason)"
        }
    }
}
