/// The time a live session paces its steps and spaces its snapshots by, as a duration since an arbitrary
/// origin. A session reads the machine's clock (`MachineSessionClock`); a test substitutes a clock it moves
/// by hand, so what the pacing allows is checked against time the test controls, whatever the machine's load.
protocol SessionClock: Sendable {
    var now: Duration { get }
}
