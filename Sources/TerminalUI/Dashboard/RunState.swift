/// What the session is doing, as the status line shows it.
public enum RunState: Hashable, Sendable {
    /// Stepping the environment and learning.
    case training
    /// Stopped at a safe point; `.` steps once.
    case paused
    /// Playing a trained agent from a checkpoint without learning.
    case replaying
    /// Paused because learning failed (a non-finite or diverging update) until a new agent starts.
    case failed

    /// The status text, e.g. `▶ training`, `‖ paused`, `✗ failed` (`> training`, `|| paused`, `x failed` in
    /// ASCII).
    public func label(charset: Charset) -> String {
        let unicode = charset == .unicode
        return switch self {
        case .training: (unicode ? "▶" : ">") + " training"
        case .paused: (unicode ? "‖" : "||") + " paused"
        case .replaying: (unicode ? "▶" : ">") + " replay"
        case .failed: (unicode ? "✗" : "x") + " failed"
        }
    }
}
