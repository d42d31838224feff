/// A gridworld map with the agent and its recent path, and a legend of the glyphs underneath.
///
/// Each cell takes two columns (its glyph and a space) when the map fits that way, one otherwise; the map
/// and legend are centred in the area. A map larger than the area shows the window around the agent
/// (`firstVisible`), so the agent never walks off screen. The path is drawn over floor and start cells
/// only, so cliffs, holes and goals keep their glyphs; the agent is drawn over everything.
public struct GridView: Widget {
    /// Rows of cells, top row first; all rows as long as the first.
    public var tiles: [[GridTile]]
    /// The agent's cell, nil when there is none to show.
    public var agent: GridPosition?
    /// The agent's recent cells, oldest first.
    public var trail: [GridPosition]
    public var showLegend: Bool

    public init(tiles: [[GridTile]], agent: GridPosition? = nil, trail: [GridPosition] = [], showLegend: Bool = true) {
        self.tiles = tiles
        self.agent = agent
        self.trail = trail
        self.showLegend = showLegend
    }

    /// The first of `count` rows (or columns) to show when only `visible` fit: the window keeps `focus`
    /// as near its middle as the edges allow (0 when everything fits).
    public static func firstVisible(count: Int, visible: Int, focus: Int) -> Int {
        guard count > visible, visible > 0 else { return 0 }
        return min(max(focus - visible / 2, 0), count - visible)
    }

    /// The legend's entries: the agent and path, then each kind of cell the map has, floor left out.
    public func legend(theme: Theme) -> [KeyHint] {
        let glyphs = theme.glyphs
        let present = Set(tiles.joined())
        let kinds: [GridTile] = [.cliff, .hole, .wall, .goal, .start].filter(present.contains)
        return [KeyHint(String(glyphs.agent), "agent", keyStyle: theme.agentStyle),
                KeyHint(String(glyphs.trail), "path", keyStyle: theme.trailStyle)]
            + kinds.map { KeyHint(String(glyphs.tile($0)), $0.name, keyStyle: theme.tileStyle($0)) }
    }

    public func render<S: Surface>(into surface: inout S, area: Rect, theme: Theme) {
        let rows = tiles.count, columns = tiles.first?.count ?? 0
        guard !area.isEmpty, rows > 0, columns > 0 else { return }
        let legendRows = showLegend && area.height > rows ? 1 : 0
        let shownRows = min(rows, area.height - legendRows)
        let cellWidth = columns * 2 <= area.width ? 2 : 1
        let shownColumns = min(columns, area.width / cellWidth)
        let firstRow = Self.firstVisible(count: rows, visible: shownRows, focus: agent?.row ?? 0)
        let firstColumn = Self.firstVisible(count: columns, visible: shownColumns, focus: agent?.column ?? 0)
        // The last column's trailing space is not part of the picture when centring it.
        let left = area.x + (area.width - (shownColumns * cellWidth - (cellWidth - 1))) / 2
        let top = area.y + (area.height - shownRows - legendRows) / 2
        let trailCells = Set(trail)
        for row in 0..<shownRows {
            for column in 0..<shownColumns {
                let position = GridPosition(row: firstRow + row, column: firstColumn + column)
                let cell = appearance(of: position, onTrail: trailCells.contains(position), theme: theme)
                surface.put(String(cell.character), x: left + column * cellWidth, y: top + row, style: cell.style, clip: area)
            }
        }
        if legendRows == 1 {
            KeyHintLine(legend(theme: theme))
                .render(into: &surface, area: area.row(top - area.y + shownRows), theme: theme)
        }
    }

    private func appearance(of position: GridPosition, onTrail: Bool, theme: Theme) -> Cell {
        let tile = position.column < tiles[position.row].count ? tiles[position.row][position.column] : .empty
        if position == agent { return Cell(theme.glyphs.agent, style: theme.agentStyle) }
        guard onTrail else { return Cell(theme.glyphs.tile(tile), style: theme.tileStyle(tile)) }
        switch tile {
        case .empty: return Cell(theme.glyphs.trail, style: theme.trailStyle)
        case .start: return Cell(theme.glyphs.tile(tile), style: theme.trailStyle)
        case .wall, .hole, .cliff, .goal: return Cell(theme.glyphs.tile(tile), style: theme.tileStyle(tile))
        }
    }
}
