/// Something widgets draw into: a width × height grid of cells.
///
/// Writes outside the grid are ignored, so widgets never need bounds checks; `put` also clips to an
/// optional area so a widget cannot spill out of the rect it was given. Every character drawn must be
/// single-width (the glyph tables only hand out such characters).
public protocol Surface {
    var width: Int { get }
    var height: Int { get }
    /// The cell at (x, y), or nil outside the grid.
    func cell(x: Int, y: Int) -> Cell?
    /// Replaces the cell at (x, y); does nothing outside the grid.
    mutating func set(_ cell: Cell, x: Int, y: Int)
}

extension Surface {
    /// The whole grid as a rect at the origin.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// Writes `text` left to right from (x, y), one character per cell, dropping whatever falls outside
    /// the grid or outside `clip`. Returns the column after the last character (clipped or not), so calls
    /// can be chained along a line.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, x: Int, y: Int, style: Style = .plain,
                             clip: Rect? = nil) -> Int {
        let area = clip.map { $0.intersection(bounds) } ?? bounds
        var column = x
        for character in text {
            if area.contains(x: column, y: y) {
                set(Cell(character, style: style), x: column, y: y)
            }
            column += 1
        }
        return column
    }

    /// Sets every cell of `rect` (clipped to the grid) to `cell`.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let area = rect.intersection(bounds)
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX {
                set(cell, x: x, y: y)
            }
        }
    }
}
