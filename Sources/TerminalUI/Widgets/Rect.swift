/// A rectangle of cells: origin at the top-left, x to the right, y downwards.
///
/// Layout is arithmetic on rects: split into columns or rows, inset for borders. Sizes never go negative,
/// so layout code can shrink areas freely and widgets simply draw nothing into an empty rect.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(width, 0)
        self.height = max(height, 0)
    }

    /// One past the rightmost column.
    public var maxX: Int { x + width }
    /// One past the bottom row.
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }
    public var description: String { "(\(x),\(y) \(width)x\(height))" }

    public func contains(x: Int, y: Int) -> Bool {
        x >= self.x && x < maxX && y >= self.y && y < maxY
    }

    /// The cells both rects cover (empty, at this rect's origin, when they do not overlap).
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x), top = max(y, other.y)
        let right = min(maxX, other.maxX), bottom = min(maxY, other.maxY)
        guard right > left, bottom > top else { return Rect(x: x, y: y, width: 0, height: 0) }
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// This rect shrunk by `horizontal` cells on the left and right and `vertical` cells at top and bottom.
    public func inset(horizontal: Int, vertical: Int) -> Rect {
        Rect(x: x + horizontal, y: y + vertical, width: width - 2 * horizontal, height: height - 2 * vertical)
    }

    /// This rect shrunk by `cells` on every side (1 leaves the inside of a border).
    public func inset(by cells: Int) -> Rect {
        inset(horizontal: cells, vertical: cells)
    }

    /// Side by side: the left part as wide as `extent` says, the right part the rest.
    public func splitColumns(_ extent: Extent) -> (left: Rect, right: Rect) {
        let left = extent.firstLength(of: width)
        return (Rect(x: x, y: y, width: left, height: height),
                Rect(x: x + left, y: y, width: width - left, height: height))
    }

    /// Stacked: the top part as tall as `extent` says, the bottom part the rest.
    public func splitRows(_ extent: Extent) -> (top: Rect, bottom: Rect) {
        let top = extent.firstLength(of: height)
        return (Rect(x: x, y: y, width: width, height: top),
                Rect(x: x, y: y + top, width: width, height: height - top))
    }

    /// Row `index` of this rect as a one-row rect (empty when outside).
    public func row(_ index: Int) -> Rect {
        guard index >= 0, index < height else { return Rect(x: x, y: y, width: 0, height: 0) }
        return Rect(x: x, y: y + index, width: width, height: 1)
    }
}
