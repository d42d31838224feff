import Foundation

/// Acrobot drawn at its true angles: two links of equal length hanging from a fixed pivot, and the dotted
/// line one link length above the pivot that the tip must rise above.
///
/// As in gymnasium's picture, θ₁ = 0 hangs straight down and θ₂ is the second link's angle relative to the
/// first: the joint sits at (sin θ₁, −cos θ₁) link lengths from the pivot, the tip a further
/// (sin(θ₁ + θ₂), −cos(θ₁ + θ₂)). Braille dots are close to square, so the links are straight lines of dots
/// from the pivot in the middle of `area`, each as long as a quarter of the shorter side allows. In ASCII
/// every cell a link passes through shows `|`, `/`, `\` or `-` by that link's angle, the pivot is `+`, the
/// tip `o` and the line `.` (a link at angle θ from hanging down lies along a pole at −θ from upright).
public struct AcrobotView: Widget {
    /// θ₁ and θ₂ in radians.
    public var theta1: Double
    public var theta2: Double

    public init(theta1: Double, theta2: Double) {
        self.theta1 = theta1
        self.theta2 = theta2
    }

    /// The joint and the tip in link lengths from the pivot, y up.
    public var joint: (x: Double, y: Double) { (sin(theta1), -cos(theta1)) }
    public var tip: (x: Double, y: Double) {
        (joint.x + sin(theta1 + theta2), joint.y - cos(theta1 + theta2))
    }

    /// Dots per link length on a `columns` × `rows` grid: from the pivot in the middle, both links reach the
    /// edge at most.
    static func linkLength(columns: Int, rows: Int) -> Double {
        Double(max(min(columns * 2, rows * 4) / 2 - 1, 0)) / 2
    }

    /// The pivot's dot on a `columns` × `rows` grid: the dot at the middle, on whole dots so that a link
    /// hanging straight down stays in one column.
    static func pivot(columns: Int, rows: Int) -> (x: Double, y: Double) {
        (Double(columns * 2 / 2), Double(rows * 4 / 2))
    }

    /// The links as braille dots on a `columns` × `rows` grid, with the line above the pivot dotted on
    /// every other dot column.
    public func dots(columns: Int, rows: Int) -> DotGrid {
        var grid = DotGrid(columns: columns, rows: rows)
        let length = Self.linkLength(columns: columns, rows: rows)
        guard length > 0 else { return grid }
        let pivot = Self.pivot(columns: columns, rows: rows)
        let toDots = { (point: (x: Double, y: Double)) in (pivot.x + length * point.x, pivot.y - length * point.y) }
        let lineRow = Int((pivot.y - length).rounded())
        for x in stride(from: 0, to: grid.dotWidth, by: 2) { grid.raise(x: x, y: lineRow) }
        Self.line(from: pivot, to: toDots(joint), in: &grid)
        Self.line(from: toDots(joint), to: toDots(tip), in: &grid)
        return grid
    }

    /// Raises the dots of the segment from `start` to `end`, sampled at every dot along its longer axis.
    static func line(from start: (Double, Double), to end: (Double, Double), in grid: inout DotGrid) {
        let (dx, dy) = (end.0 - start.0, end.1 - start.1)
        let steps = Int(max(abs(dx), abs(dy)).rounded(.up))
        for step in 0...max(steps, 0) {
            let t = steps == 0 ? 0 : Double(step) / Double(steps)
            grid.raise(x: Int((start.0 + t * dx).rounded()), y: Int((start.1 + t * dy).rounded()))
        }
    }

    public func render<S: Surface>(into surface: inout S, area: Rect, theme: Theme) {
        guard area.width >= 3, area.height >= 2 else { return }
        let linkStyle = Style(foreground: theme.seriesColor(0), attributes: .bold)
        if theme.charset == .unicode {
            let grid = dots(columns: area.width, rows: area.height)
            for row in 0..<area.height {
                for column in 0..<area.width where grid.dots(column: column, row: row) != 0 {
                    surface.set(Cell(Glyphs.braille(grid.dots(column: column, row: row)), style: linkStyle),
                                x: area.x + column, y: area.y + row)
                }
            }
            return
        }
        renderASCII(into: &surface, area: area, theme: theme, style: linkStyle)
    }

    /// Each link's cells in the character of its angle, over the dotted line, then the pivot and the tip.
    private func renderASCII<S: Surface>(into surface: inout S, area: Rect, theme: Theme, style: Style) {
        let length = Self.linkLength(columns: area.width, rows: area.height)
        let pivot = Self.pivot(columns: area.width, rows: area.height)
        let cell = { (point: (x: Double, y: Double)) -> (Int, Int) in
            (area.x + Int((pivot.x + length * point.x).rounded()) / 2,
             area.y + Int((pivot.y - length * point.y).rounded()) / 4)
        }
        let lineRow = area.y + Int((pivot.y - length).rounded()) / 4
        for x in area.x..<area.maxX { surface.set(Cell(".", style: theme.labelStyle), x: x, y: lineRow) }
        for (start, end, angle) in [((x: 0.0, y: 0.0), joint, theta1), (joint, tip, theta1 + theta2)] {
            var grid = DotGrid(columns: area.width, rows: area.height)
            let toDots = { (point: (x: Double, y: Double)) in (pivot.x + length * point.x, pivot.y - length * point.y) }
            Self.line(from: toDots(start), to: toDots(end), in: &grid)
            let glyph = CartPoleView.asciiPole(angle: -angle)
            for row in 0..<area.height {
                for column in 0..<area.width where grid.dots(column: column, row: row) != 0 {
                    surface.set(Cell(glyph, style: style), x: area.x + column, y: area.y + row)
                }
            }
        }
        let (pivotX, pivotY) = cell((0, 0))
        surface.set(Cell("+", style: .bold), x: pivotX, y: pivotY)
        let (tipX, tipY) = cell(tip)
        surface.set(Cell("o", style: style), x: tipX, y: tipY)
    }
}
