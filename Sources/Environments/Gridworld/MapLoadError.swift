/// Why `MapLocator` could not produce a map for an `--env` argument. The CLI turns each case into a
/// sysexits status: a missing or unreadable file 66, a defective map 65, an unknown name 64.
public enum MapLoadError: Error, Sendable, CustomStringConvertible {
    /// The argument names a file path that does not exist.
    case missingFile(path: String)
    /// The file exists but could not be read (a directory, a device or pipe, no permission, an I/O error).
    case unreadable(path: String, reason: String)
    /// The argument is neither a built-in environment, nor a file, nor a map in ./envs/, nor a built-in map.
    case unknownName(String, available: [String])
    /// The file was read but is not a valid map.
    case invalidMap(MapError)

    public var description: String {
        switch self {
        case let .missingFile(path):
            "\(path): no such map file"
        case let .unreadable(path, reason):
            "\(path): cannot read map file: \(reason)"
        case let .unknownName(name, available):
            "unknown environment '\(name)': not a built-in environment, not envs/\(name).txt and not a file "
                + "(available: \(available.joined(separator: ", ")))"
        case let .invalidMap(error):
            error.description
        }
    }
}
