/// Where the main screen's panels go for a window size (see the sketch in docs/ARCHITECTURE.md): the
/// status line on the top row, the key hints on the bottom row, and between them two columns — the
/// environment over the heatmap on the left (45 % of the width), the reward plot over the hyperparameters
/// on the right — each split in half. Larger windows give every panel more room.
public struct ScreenLayout: Hashable, Sendable {
    /// The smallest window everything fits in (below it the UI shows `TooSmallNotice`).
    public static let minimumWidth = 80
    public static let minimumHeight = 24

    public let status: Rect
    public let environment: Rect
    public let heatmap: Rect
    public let plot: Rect
    public let parameters: Rect
    public let hints: Rect

    /// The layout of a `width` × `height` window, or nil below the minimum size.
    public init?(width: Int, height: Int) {
        guard width >= Self.minimumWidth, height >= Self.minimumHeight else { return nil }
        let screen = Rect(x: 0, y: 0, width: width, height: height)
        let (status, below) = screen.splitRows(.first(1))
        let (middle, hints) = below.splitRows(.last(1))
        let (left, right) = middle.splitColumns(.fraction(0.45))
        (environment, heatmap) = left.splitRows(.fraction(0.5))
        (plot, parameters) = right.splitRows(.fraction(0.5))
        self.status = status
        self.hints = hints
    }
}
