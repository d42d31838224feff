import Training

/// What travels between a shared session and its viewers, one message per frame.
public enum ShareMessage: Sendable, Equatable {
    /// The session's first word to a viewer it accepted: its name and whether this viewer may send commands.
    case welcome(sessionName: String, control: Bool)
    /// The newest picture of the run; a viewer draws only from these.
    case snapshot(TrainingSnapshot)
    /// The session is over (the teacher quit, or the training stopped); the viewer says why and exits.
    case ended(String)
    /// The session would not take this viewer (its user is not allowed); sent once, then the connection closes.
    case refused(String)
    /// A viewer with control asks the session for something, exactly as the teacher's keys would.
    case command(SessionCommand)

    /// The byte that names the message's kind on the wire.
    var kind: UInt8 {
        switch self {
        case .welcome: 1
        case .snapshot: 2
        case .ended: 3
        case .refused: 4
        case .command: 5
        }
    }
}
