/// A vertical line on a plot at sample index `x` with an optional short label (e.g. `γ 0.97` where a
/// hyperparameter was changed), drawn on the plot's top row beside the line when it fits.
public struct PlotMarker: Hashable, Sendable {
    public var x: Double
    public var label: String

    public init(x: Double, label: String = "") {
        self.x = x
        self.label = label
    }
}
