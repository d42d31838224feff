/// The machine's monotonic clock (`ContinuousClock`), counted from the moment this value was made.
struct MachineSessionClock: SessionClock {
    private let origin = ContinuousClock.now

    var now: Duration { ContinuousClock.now - origin }
}
