/// What a session's training thread is doing.
public enum RunMode: Sendable, Equatable {
    /// Stepping and learning at the session's pace.
    case running
    /// Waiting at a safe point; `step` takes one environment step.
    case paused
    /// Running until the current episode ends, then pausing.
    case finishingEpisode
    /// The session has ended (`stop`); no command is applied any more.
    case stopped
}
