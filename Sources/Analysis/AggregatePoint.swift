/// A group's curve at one step: how many of its runs reach that step, their IQM and its bootstrap interval.
public struct AggregatePoint: Equatable, Sendable {
    public let step: Double
    public let runs: Int
    public let iqm: Double
    public let interval: ClosedRange<Double>

    public init(step: Double, runs: Int, iqm: Double, interval: ClosedRange<Double>) {
        self.step = step
        self.runs = runs
        self.iqm = iqm
        self.interval = interval
    }
}
