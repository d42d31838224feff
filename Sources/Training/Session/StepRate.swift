/// The measured step rate shown in the status line: steps per second over the last whole window of at
/// least one second, so the number is steady enough to read and does not cause a redraw every frame.
public struct StepRate: Sendable {
    private var windowStart: ContinuousClock.Instant
    private var stepsAtWindowStart: Int
    /// Steps per second over the last finished window (0 before the first one ends).
    public private(set) var perSecond = 0.0

    public init(at now: ContinuousClock.Instant, steps: Int) {
        windowStart = now
        stepsAtWindowStart = steps
    }

    /// Closes the window when a second has passed; returns whether `perSecond` changed.
    public mutating func update(at now: ContinuousClock.Instant, steps: Int) -> Bool {
        let elapsed = now - windowStart
        guard elapsed >= .seconds(1) else { return false }
        let rate = Double(steps - stepsAtWindowStart) / (elapsed / .seconds(1))
        windowStart = now
        stepsAtWindowStart = steps
        defer { perSecond = rate }
        return rate != perSecond
    }
}
