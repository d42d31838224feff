/// A bitmap of braille dots over a block of cells, two dots wide and four high per cell: the resolution
/// plots rasterise into before each cell becomes one braille character (or one ASCII mark).
public struct DotGrid: Hashable, Sendable {
    /// Size in cells.
    public let columns: Int
    public let rows: Int
    private var cellDots: [UInt8]

    /// Braille bit of the dot at (x, y) within a cell (Unicode braille numbering, see `Glyphs.braille`).
    private static let bit: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    public init(columns: Int, rows: Int) {
        self.columns = max(columns, 0)
        self.rows = max(rows, 0)
        cellDots = Array(repeating: 0, count: self.columns * self.rows)
    }

    /// Size in dots.
    public var dotWidth: Int { columns * 2 }
    public var dotHeight: Int { rows * 4 }

    /// Raises the dot at (x, y), counted in dots from the top-left; ignores dots outside.
    public mutating func raise(x: Int, y: Int) {
        guard x >= 0, x < dotWidth, y >= 0, y < dotHeight else { return }
        cellDots[(y / 4) * columns + x / 2] |= Self.bit[x % 2][y % 4]
    }

    public func isRaised(x: Int, y: Int) -> Bool {
        guard x >= 0, x < dotWidth, y >= 0, y < dotHeight else { return false }
        return dots(column: x / 2, row: y / 4) & Self.bit[x % 2][y % 4] != 0
    }

    /// The braille bits of one cell (0 when no dot is raised or the cell is outside).
    public func dots(column: Int, row: Int) -> UInt8 {
        guard column >= 0, column < columns, row >= 0, row < rows else { return 0 }
        return cellDots[row * columns + column]
    }

    /// The dots as text, one line per dot row: `#` raised, `.` not (for tests and debugging).
    public var pattern: [String] {
        (0..<dotHeight).map { y in String((0..<dotWidth).map { isRaised(x: $0, y: y) ? "#" : "." }) }
    }
}
