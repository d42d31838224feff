/// The episodes of one stretch of training with one algorithm, for the reward plot: its label (e.g.
/// `DQN`), the return of each finished episode, and markers at the episodes (counted from 0 within the
/// segment) where a hyperparameter was changed, e.g. `PlotMarker(x: 120, label: "γ 0.97")`.
public struct ReturnSegment: Hashable, Sendable {
    public var label: String
    public var returns: [Double]
    public var markers: [PlotMarker]

    public init(label: String, returns: [Double], markers: [PlotMarker] = []) {
        self.label = label
        self.returns = returns
        self.markers = markers
    }
}
