/// Where a `Trainer` reads the time: training time, steps per second and the episodes' times in `monitor.csv`
/// all come from it. `ContinuousTrainingClock` is the real one; a test can drive its own by hand.
public protocol TrainingClock {
    /// The time since a fixed origin of this clock's choosing; it never goes back.
    var now: Duration { get }
}
