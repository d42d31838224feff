/// The episodes of one stretch of training with one algorithm, for the reward plot: its label (e.g.
/// `DQN`), the return of each finished episode kept, the number within the segment of the first one kept
/// (1, or more once the oldest were dropped), and markers at the episodes (counted from 0 within `returns`)
/// where a hyperparameter was changed, e.g. `PlotMarker(x: 120, label: "γ 0.97")`.
public struct ReturnSegment: Hashable, Sendable {
    public var label: String
    public var returns: [Double]
    public var markers: [PlotMarker]
    public var firstEpisode: Int

    public init(label: String, returns: [Double], markers: [PlotMarker] = [], firstEpisode: Int = 1) {
        self.label = label
        self.returns = returns
        self.markers = markers
        self.firstEpisode = firstEpisode
    }
}
