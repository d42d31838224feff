/// Where a group's IQM curve first reaches a return: the step, and the IQM of its runs' clocks there.
public struct ThresholdCrossing: Equatable, Sendable {
    public let step: Double
    public let seconds: Double

    public init(step: Double, seconds: Double) {
        self.step = step
        self.seconds = seconds
    }
}
