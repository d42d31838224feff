import Foundation

/// MountainCar drawn as gymnasium draws it: the hill y = sin(3x) across the track, the flag at the goal and
/// the car on the hill at its position.
///
/// Rows from the bottom of `area`: a scale (the track's ends, when there are four rows or more), then the
/// hill, whose lowest point (y = −1) sits on the bottom row and whose highest (y = 1) one row below the top,
/// so the car and the flag, drawn in the cell above the hill at their x, always fit. In Unicode the hill is a
/// line of braille dots, the car `●` and the flag `⚑`; in ASCII the hill is `_`, `/` and `\` by its slope
/// across each cell, the car `@` and the flag `F`.
public struct MountainCarView: Widget {
    /// The car's position x.
    public var position: Double
    /// The track, [−1.2, 0.6] in MountainCar-v0.
    public var positions: ClosedRange<Double>
    /// The flag's x (0.5).
    public var goal: Double

    public init(position: Double, positions: ClosedRange<Double> = -1.2...0.6, goal: Double = 0.5) {
        self.position = position
        self.positions = positions
        self.goal = goal
    }

    /// The hill's height at x.
    public static func height(at x: Double) -> Double { sin(3 * x) }

    /// The x at `fraction` of the way along the track.
    func x(at fraction: Double) -> Double {
        positions.lowerBound + (positions.upperBound - positions.lowerBound) * fraction
    }

    /// The fraction of the way along the track where x lies, clamped to the track.
    func fraction(of x: Double) -> Double {
        let span = positions.upperBound - positions.lowerBound
        return span > 0 ? min(max((x - positions.lowerBound) / span, 0), 1) : 0
    }

    /// The hill's dot row at x in a grid `dotHeight` dots high whose top `margin` dots stay free.
    static func dotRow(at x: Double, dotHeight: Int, margin: Int) -> Int {
        let usable = Double(max(dotHeight - 1 - margin, 0))
        return margin + Int(((1 - height(at: x)) / 2 * usable).rounded())
    }

    /// The hill as braille dots on a `columns` × `rows` grid, its top `margin` dots free: one dot per dot
    /// column, joined downwards to the neighbouring column's dot where the hill is steep.
    public func hillDots(columns: Int, rows: Int, margin: Int) -> DotGrid {
        var grid = DotGrid(columns: columns, rows: rows)
        let width = grid.dotWidth
        guard width > 1 else { return grid }
        var previous: Int?
        for column in 0..<width {
            let row = Self.dotRow(at: x(at: Double(column) / Double(width - 1)), dotHeight: grid.dotHeight,
                                  margin: margin)
            let from = previous.map { $0 < row ? $0 + 1 : ($0 > row ? $0 - 1 : row) } ?? row
            for y in min(from, row)...max(from, row) { grid.raise(x: column, y: y) }
            previous = row
        }
        return grid
    }

    public func render<S: Surface>(into surface: inout S, area: Rect, theme: Theme) {
        guard area.width >= 3, area.height >= 2 else { return }
        let unicode = theme.charset == .unicode
        var (hill, scale) = (area, Rect(x: area.x, y: area.maxY, width: area.width, height: 0))
        if area.height >= 4 { (hill, scale) = area.splitRows(.last(1)) }
        let margin = 4
        let hillStyle = theme.labelStyle
        let cellRow = { (x: Double) in
            hill.y + Self.dotRow(at: x, dotHeight: hill.height * 4, margin: margin) / 4
        }
        if unicode {
            let grid = hillDots(columns: hill.width, rows: hill.height, margin: margin)
            for row in 0..<hill.height {
                for column in 0..<hill.width where grid.dots(column: column, row: row) != 0 {
                    surface.set(Cell(Glyphs.braille(grid.dots(column: column, row: row)), style: hillStyle),
                                x: hill.x + column, y: hill.y + row)
                }
            }
        } else {
            for column in 0..<hill.width {
                let width = Double(hill.width)
                let (left, right) = (cellRow(x(at: Double(column) / width)), cellRow(x(at: Double(column + 1) / width)))
                let middle = cellRow(x(at: (Double(column) + 0.5) / width))
                let glyph: Character = left == right ? "_" : (left > right ? "/" : "\\")
                surface.set(Cell(glyph, style: hillStyle), x: hill.x + column, y: middle)
            }
        }
        let cellColumn = { (x: Double) in
            hill.x + min(Int(self.fraction(of: x) * Double(hill.width)), hill.width - 1)
        }
        // Each mark stands in the cell above the hill where the hill crosses the middle of its column.
        let above = { (x: Double) -> Int in
            let column = cellColumn(x) - hill.x
            return max(cellRow(self.x(at: (Double(column) + 0.5) / Double(hill.width))) - 1, hill.y)
        }
        let flagStyle = Style(foreground: theme.seriesColor(2), attributes: .bold)
        surface.set(Cell(unicode ? "⚑" : "F", style: flagStyle), x: cellColumn(goal), y: above(goal))
        let carStyle = Style(foreground: theme.seriesColor(1), attributes: .bold)
        surface.set(Cell(theme.glyphs.agent, style: carStyle), x: cellColumn(position), y: above(position))
        if !scale.isEmpty { drawScale(into: &surface, row: scale, theme: theme, column: cellColumn) }
    }

    /// The track's ends under its ends, and the goal's x under the flag when it fits between them.
    private func drawScale<S: Surface>(into surface: inout S, row: Rect, theme: Theme,
                                       column: (Double) -> Int) {
        let (left, right) = (ValueLabel.compact(positions.lowerBound), ValueLabel.compact(positions.upperBound))
        guard left.count + right.count + 1 <= row.width else { return }
        surface.put(left, x: row.x, y: row.y, style: theme.labelStyle, clip: row)
        surface.put(right, x: row.maxX - right.count, y: row.y, style: theme.labelStyle, clip: row)
        let goalLabel = ValueLabel.compact(goal)
        let goalX = column(goal) - goalLabel.count / 2
        if goalX > row.x + left.count, goalX + goalLabel.count < row.maxX - right.count {
            surface.put(goalLabel, x: goalX, y: row.y, style: theme.labelStyle, clip: row)
        }
    }
}
