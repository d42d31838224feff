/// A stretch of adjacent cells on one row that share a style: the unit a frame difference is written in.
public struct CellRun: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var text: String
    public var style: Style

    public init(x: Int, y: Int, text: String, style: Style) {
        self.x = x
        self.y = y
        self.text = text
        self.style = style
    }
}
