/// Time that counts only while running: a trainer's training time, stopped for evaluations and while a live
/// session is paused.
struct Stopwatch {
    private let clock: any TrainingClock
    private var accumulated = Duration.zero
    /// When the stopwatch last started; nil while it is stopped.
    private var startedAt: Duration?

    init(clock: any TrainingClock) {
        self.clock = clock
    }

    var isRunning: Bool { startedAt != nil }

    /// The time counted so far, the current running stretch included.
    var elapsed: Duration { accumulated + (startedAt.map { clock.now - $0 } ?? .zero) }

    /// Starts counting; does nothing if it is running already.
    mutating func start() {
        if startedAt == nil { startedAt = clock.now }
    }

    /// Stops counting; does nothing if it is stopped already.
    mutating func stop() {
        guard let startedAt else { return }
        accumulated += clock.now - startedAt
        self.startedAt = nil
    }
}
