/// Why `--env` named nothing that could be built.
public enum EnvironmentLookupError: Error, CustomStringConvertible, Equatable {
    case unknown(name: String, available: [String])

    public var description: String {
        switch self {
        case .unknown(let name, let available):
            "unknown environment '\(name)'; choose one of \(available.joined(separator: ", ")) or give a map file's path"
        }
    }
}
