import Agents
import NeuralNet

/// Why a saved agent could not be loaded; the CLI maps `missing` to exit status 66 and the rest to 65.
public enum AgentCheckpointError: Error, CustomStringConvertible {
    case missing(path: String)
    /// The file is not a valid checkpoint of the declared networks.
    case corrupt(CheckpointError)
    /// The metadata does not describe an agent rlterm can rebuild.
    case badMetadata(path: String, reason: String)

    public var description: String {
        switch self {
        case .missing(let path): return "\(path): no such checkpoint file"
        case .corrupt(let error): return error.description
        case .badMetadata(let path, let reason): return "\(path): checkpoint metadata: \(reason)"
        }
    }
}
