import Training

/// What the terminal UI watches: the training session itself on the teacher's screen, or a shared session
/// seen from another terminal (`rlterm attach`). Either way the screen draws only from its snapshots and
/// speaks to it only in commands.
public protocol WatchedRun: AnyObject, Sendable {
    /// Starts the run if it is not running yet.
    func start()
    /// The newest snapshot; never waits for the training thread.
    func snapshot() -> TrainingSnapshot
    func send(_ command: SessionCommand)
    /// Why the run is over for this screen (a shared session that ended), nil while it goes on.
    var ended: String? { get }
}

extension TrainingSession: WatchedRun {
    /// The teacher's own session ends only when the teacher quits.
    public var ended: String? { nil }
}
