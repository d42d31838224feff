/// A value that moves linearly from `start` to `end` over `duration` steps and then stays at `end`:
/// v(t) = start + (end − start)·min(1, t / duration). It drives ε-greedy exploration (DQN: 1 → 0.1 over the
/// first million frames) and the annealing of the importance-sampling exponent β to 1 (PER).
public struct LinearSchedule: Sendable, Hashable {
    public var start: Double
    public var end: Double
    /// The number of steps to reach `end`; 0 means `end` from the first step.
    public var duration: Int

    public init(start: Double, end: Double, duration: Int) {
        precondition(duration >= 0, "a schedule's duration cannot be negative")
        self.start = start
        self.end = end
        self.duration = duration
    }

    /// The value at step `step` (steps before 0 give `start`).
    public func value(at step: Int) -> Double {
        guard duration > 0 else { return end }
        let fraction = min(1, max(0, Double(step) / Double(duration)))
        // Written as a weighted mean so that the ends come out exactly.
        return start * (1 - fraction) + end * fraction
    }
}
