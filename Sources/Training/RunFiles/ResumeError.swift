/// Why a run directory cannot be resumed. The CLI maps `missing` to exit status 66, `invalid` to 65 and
/// `finished` to 64.
public enum ResumeError: Error, CustomStringConvertible {
    /// The directory or one of the files a resume needs does not exist.
    case missing(path: String, reason: String)
    /// A file exists but does not say what a resume needs; `path` carries the line where there is one.
    case invalid(path: String, reason: String)
    /// The run already has `timesteps` steps, so a budget of `steps` leaves nothing to train.
    case finished(timesteps: Int, steps: Int)

    public var description: String {
        switch self {
        case .missing(let path, let reason): return "\(path): \(reason)"
        case .invalid(let path, let reason): return "\(path): \(reason)"
        case .finished(let timesteps, let steps):
            return "the run already has \(timesteps) steps; give --steps larger than \(timesteps) to continue it (got \(steps))"
        }
    }
}
