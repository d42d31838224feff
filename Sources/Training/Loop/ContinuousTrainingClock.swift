/// The real time of `ContinuousClock` (it keeps counting while the machine sleeps), from the moment the
/// clock was made.
public struct ContinuousTrainingClock: TrainingClock {
    private let origin = ContinuousClock.now

    public init() {}

    public var now: Duration { ContinuousClock.now - origin }
}
