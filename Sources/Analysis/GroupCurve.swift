/// A group's aggregated learning curve: its points on the common grid (where enough runs reach them), the
/// final point (at the last step enough runs reach), and where it first reaches the threshold, if asked.
public struct GroupCurve: Sendable {
    public let label: String
    public let runCount: Int
    public let points: [AggregatePoint]
    public let final: AggregatePoint?
    public let crossing: ThresholdCrossing?

    public init(label: String, runCount: Int, points: [AggregatePoint], final: AggregatePoint?, crossing: ThresholdCrossing?) {
        self.label = label
        self.runCount = runCount
        self.points = points
        self.final = final
        self.crossing = crossing
    }
}
