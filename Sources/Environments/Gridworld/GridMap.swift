/// A parsed gridworld map: its cells, size, start and settings. Parse one with `GridMap.parse`.
///
/// Cells are numbered row-major, index = row·cols + col, as gymnasium numbers FrozenLake and CliffWalking
/// states; that index is the state of the MDP.
public struct GridMap: Sendable, Equatable {
    /// The file name (or other label) the map came from, used in messages.
    public let source: String
    public let rows: Int
    public let cols: Int
    /// rows·cols cells, row-major.
    public let cells: [GridCell]
    /// The index of the start cell.
    public let start: Int
    /// The settings; change `settings.slippery` to turn slipping on or off for a map (`--slippery`).
    public var settings: GridSettings

    /// Maps larger than this in either dimension are rejected, which keeps tables and screens sane.
    public static let maxRows = 256
    public static let maxColumns = 256
    /// Files larger than this are rejected before they are decoded.
    public static let maxBytes = 1 << 20

    init(source: String, rows: Int, cols: Int, cells: [GridCell], start: Int, settings: GridSettings) {
        self.source = source
        self.rows = rows
        self.cols = cols
        self.cells = cells
        self.start = start
        self.settings = settings
    }

    /// Parses a map file's bytes, which must be UTF-8 text. Never traps: every defect is a `MapError`
    /// pointing at its line and column. `source` names the file in error messages.
    public static func parse(_ bytes: [UInt8], source: String) throws(MapError) -> GridMap {
        try GridMapParser(source: source).parse(bytes)
    }

    /// Parses a map file's text. See `parse(_:source:)` for bytes; the format is described in envs/README.md.
    public static func parse(_ text: String, source: String) throws(MapError) -> GridMap {
        try GridMapParser(source: source).parse(text)
    }

    /// The name to show: the `name` setting, else the file name without its directory and `.txt`.
    public var name: String {
        if let name = settings.name { return name }
        let file = source.split(separator: "/").last.map(String.init) ?? source
        return file.hasSuffix(".txt") ? String(file.dropLast(4)) : file
    }

    /// The cell at (row, col).
    public func cell(row: Int, col: Int) -> GridCell {
        cells[row * cols + col]
    }
}
