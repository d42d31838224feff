import Glibc

/// Why a session could not be shared or attached to, said so that the person at the keyboard knows what to do.
public enum ShareError: Error, Equatable, CustomStringConvertible {
    /// The share directory exists but is not ours to trust (another owner, a symbolic link, not a directory).
    case unsafeDirectory(String, reason: String)
    case system(String, call: String, errno: Int32)
    case nameInUse(String, path: String)
    case badName(String)
    case unknownGroup(String)
    case unknownUser(String)
    /// No shared session by that name in any directory the caller can read.
    case notFound(String, searched: [String])
    /// More than one user shares a session by that name.
    case ambiguous(String, paths: [String])
    case permissionDenied(path: String)
    /// A socket whose session is gone (killed without cleaning up).
    case stale(path: String)
    case pathTooLong(String)
    /// The session refused this viewer, or the connection broke, with the reason.
    case refused(String)
    case protocolError(ShareProtocolError)
    /// The session ended, with the reason its owner gave.
    case ended(String)

    public var description: String {
        switch self {
        case .unsafeDirectory(let path, let reason): "\(path): \(reason); refusing to share through it"
        case .system(let path, let call, let code): "\(path): \(call): \(String(cString: strerror(code)))"
        case .nameInUse(let name, let path): "a session named \(name) is already shared at \(path): choose another name"
        case .badName(let name):
            "session name \"\(name)\": use 1 to 64 letters, digits, '-', '_' or '.', not starting with '.'"
        case .unknownGroup(let group): "no group named \(group)"
        case .unknownUser(let user): "no user named \(user)"
        case .notFound(let name, let searched):
            "no shared session named \(name) (looked in \(searched.joined(separator: ", "))); `rlterm sessions` lists them"
        case .ambiguous(let name, let paths):
            "several sessions are named \(name): \(paths.joined(separator: ", ")); attach to one by its path"
        case .permissionDenied(let path):
            "\(path): permission denied: the session is not shared with you (the teacher can share with a group of "
                + "yours through --share-group GROUP)"
        case .stale(let path): "\(path): the session that shared this socket is gone (stale socket)"
        case .pathTooLong(let path): "\(path): too long for a Unix socket address (at most 107 bytes)"
        case .refused(let reason): reason
        case .protocolError(let error): "\(error)"
        case .ended(let reason): "the session has ended: \(reason)"
        }
    }
}
