@testable import Training

/// A session clock that stands still until the test moves it, so a paced session's steps can be counted
/// against time the test decides rather than the machine's.
final class ManualSessionClock: SessionClock {
    private let time = Locked(Duration.zero)

    var now: Duration { time.withLock { $0 } }

    func advance(by duration: Duration) {
        time.withLock { $0 += duration }
    }
}
