/// Where the main screen's panels go for a window size and the panels shown (docs/ARCHITECTURE.md's
/// sketch): the status line on the top row, the key hints on the bottom row, and between them two
/// columns — the environment over the values on the left (45 % of the width), the plot over the
/// hyperparameters on the right, each split in half.
///
/// The explain panel takes the values panel's place when the window is small; from `roomyHeight` rows
/// and `roomyWidth` columns it gets its own place under the hyperparameters, which keep as many rows as
/// they have (plus the border) while explain keeps `minimumExplainHeight`. An environment that needs more
/// rows than its half (a MinAtar board) takes them from the values panel below it, which keeps
/// `minimumValuesHeight`. A convolution's feature maps, when shown, take the whole right column, the plot's
/// and the hyperparameters' place, the only area of an 80×24 window that holds a 4 × 4 grid of them; explain
/// then takes the values panel's place. Below 80×24 there is no layout.
public struct DashboardLayout: Hashable, Sendable {
    public static let minimumWidth = ScreenLayout.minimumWidth
    public static let minimumHeight = ScreenLayout.minimumHeight
    /// From this size on, explain does not replace the values panel.
    public static let roomyWidth = 100
    public static let roomyHeight = 34
    /// The fewest rows an explain panel of its own gets (border included), and the fewest the
    /// hyperparameters keep beside it.
    public static let minimumExplainHeight = 7
    public static let minimumParametersHeight = 5
    /// The fewest rows the values panel keeps when the environment panel grows (border included).
    public static let minimumValuesHeight = 5

    public let status: Rect
    public let environment: Rect
    public let plot: Rect
    /// The values panel; nil while explain has taken its place.
    public let values: Rect?
    public let parameters: Rect
    /// The explain panel; nil when it is hidden.
    public let explain: Rect?
    /// The feature maps' panel, the whole right column; nil when they are not shown (the plot and the
    /// hyperparameters are drawn only then).
    public let features: Rect?
    /// Everything between the status and hint rows (where overlays go).
    public let body: Rect
    public let hints: Rect

    /// The layout of a `width` × `height` window, or nil below the minimum size; `environmentRows` (inside
    /// the border) is what the environment's picture needs when half the column is not enough.
    public init?(width: Int, height: Int, showExplain: Bool, hyperparameterCount: Int, environmentRows: Int? = nil,
                 showsFeatureMaps: Bool = false) {
        guard let base = ScreenLayout(width: width, height: height) else { return nil }
        status = base.status
        hints = base.hints
        var heatmap = base.heatmap
        if let environmentRows, environmentRows + 2 > base.environment.height {
            let column = Rect(x: base.environment.x, y: base.environment.y, width: base.environment.width,
                              height: base.environment.height + base.heatmap.height)
            let rows = min(environmentRows + 2, column.height - Self.minimumValuesHeight)
            (environment, heatmap) = column.splitRows(.first(rows))
        } else {
            environment = base.environment
        }
        plot = base.plot
        body = Rect(x: 0, y: base.status.maxY, width: width, height: base.hints.y - base.status.maxY)
        let wanted = hyperparameterCount + 2
        features = showsFeatureMaps ? Rect(x: base.plot.x, y: base.plot.y, width: base.plot.width,
                                           height: base.plot.height + base.parameters.height) : nil
        let roomy = width >= Self.roomyWidth && height >= Self.roomyHeight && !showsFeatureMaps
        let room = base.parameters.height - Self.minimumExplainHeight
        if showExplain, roomy, room >= Self.minimumParametersHeight {
            let (top, bottom) = base.parameters.splitRows(.first(min(max(wanted, Self.minimumParametersHeight), room)))
            (parameters, explain, values) = (top, bottom, heatmap)
        } else if showExplain {
            (parameters, explain, values) = (base.parameters, heatmap, nil)
        } else {
            (parameters, explain, values) = (base.parameters, nil, heatmap)
        }
    }
}
