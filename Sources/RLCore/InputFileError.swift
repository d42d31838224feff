/// Why an `InputFile` could not be opened or read. Each case names the file; the CLI reports all of them
/// with sysexits status 66 (missing or unreadable input).
public enum InputFileError: Error, Sendable, Equatable, CustomStringConvertible {
    case missing(path: String)
    /// A directory, device, pipe or socket; `kind` says which, for the message.
    case notRegularFile(path: String, kind: String)
    /// The system refused to open or read it (no permission, an I/O error), or it shrank while being read.
    case unreadable(path: String, reason: String)

    public var path: String {
        switch self {
        case .missing(let path), .notRegularFile(let path, _), .unreadable(let path, _): path
        }
    }

    /// What is wrong, without the file name.
    public var reason: String {
        switch self {
        case .missing: "no such file"
        case .notRegularFile(_, let kind): "it is \(kind), not a regular file"
        case .unreadable(_, let reason): reason
        }
    }

    public var description: String { "\(path): \(reason)" }
}
