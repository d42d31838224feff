import Foundation

/// CartPole drawn to scale: the track with its edges at x = ±`trackLimit`, the cart, and the pole at its
/// true angle θ from its pivot on top of the cart.
///
/// Rows from the bottom of `area`: a scale (`-2.4`, `0`, `2.4`, when there are four rows or more), the
/// track (`├───┤`, edges marked), the cart, and above it the pole. Braille dots are close to square (a
/// cell is two dots wide, four high, and about twice as tall as wide), so the pole is a straight line of
/// dots from the pivot to (x_p + L·sin θ, y_p + L·cos θ), θ > 0 leaning right as in gymnasium. Its
/// length L follows the scene's scale — gymnasium's pole is 1.0 long against a 4.8-wide track — and is
/// shortened only when the rows above the cart cannot hold it. In ASCII every cell the pole passes through
/// shows `|`, `/`, `\` or `-` by the angle.
public struct CartPoleView: Widget {
    /// The cart position x and the pole angle θ in radians (0 upright).
    public var position: Double
    public var angle: Double
    /// Where the episode ends: |x| > trackLimit (2.4 in CartPole-v1).
    public var trackLimit: Double
    /// The full pole length and the cart width in the units of x (gymnasium: 2 · 0.5 and 50 px / 125 px
    /// per unit = 0.4).
    public var poleLength: Double
    public var cartWidth: Double

    public init(position: Double, angle: Double, trackLimit: Double = 2.4, poleLength: Double = 1.0,
                cartWidth: Double = 0.4) {
        self.position = position
        self.angle = angle
        self.trackLimit = trackLimit
        self.poleLength = poleLength
        self.cartWidth = cartWidth
    }

    /// The dot column of x on a track `dotWidth` dots wide: −trackLimit at dot 0, +trackLimit at the last
    /// one, positions beyond the edges clamped to them.
    public func dotColumn(of x: Double, dotWidth: Int) -> Int {
        guard trackLimit > 0, dotWidth > 1 else { return 0 }
        let fraction = min(max((x + trackLimit) / (2 * trackLimit), 0), 1)
        return Int((fraction * Double(dotWidth - 1)).rounded())
    }

    /// The pole's dots in a `columns` × `rows` grid whose bottom dot row sits on the pivot at dot column
    /// `pivot`: a straight line sampled at every dot step along its longer axis.
    public func poleDots(columns: Int, rows: Int, pivot: Int) -> DotGrid {
        var grid = DotGrid(columns: columns, rows: rows)
        let scaled = poleLength / (2 * trackLimit) * Double(grid.dotWidth)
        let length = min(scaled, Double(grid.dotHeight - 1))
        guard length > 0, angle.isFinite else { return grid }
        let bottom = Double(grid.dotHeight - 1)
        let (dx, dy) = (length * sin(angle), -length * cos(angle))
        let steps = Int(max(abs(dx), abs(dy)).rounded(.up))
        for step in 0...max(steps, 0) {
            let t = steps == 0 ? 0 : Double(step) / Double(steps)
            grid.raise(x: Int((Double(pivot) + t * dx).rounded()), y: Int((bottom + t * dy).rounded()))
        }
        return grid
    }

    /// The ASCII character for a pole at `angle`: `|` within 22.5° of upright (or of hanging down), `-`
    /// within 22.5° of horizontal, `/` leaning right, `\` leaning left.
    public static func asciiPole(angle: Double) -> Character {
        let folded = atan2(sin(angle), cos(angle))
        let degrees = abs(folded) * 180 / .pi
        if degrees < 22.5 || degrees > 157.5 { return "|" }
        if degrees > 67.5, degrees < 112.5 { return "-" }
        return (folded > 0) == (degrees < 90) ? "/" : "\\"
    }

    public func render<S: Surface>(into surface: inout S, area: Rect, theme: Theme) {
        guard area.width >= 3, area.height >= 2 else { return }
        let glyphs = theme.glyphs, unicode = theme.charset == .unicode
        var (scene, scale) = (area, Rect(x: area.x, y: area.maxY, width: area.width, height: 0))
        if area.height >= 4 { (scene, scale) = area.splitRows(.last(1)) }
        let (above, track) = scene.splitRows(.last(1))
        let (poleArea, cartRow) = above.splitRows(.last(1))

        let trackStyle = theme.labelStyle
        for x in track.x..<track.maxX {
            let isEdge = x == track.x || x == track.maxX - 1
            let glyph: Character = isEdge ? (unicode ? (x == track.x ? "├" : "┤") : "|") : glyphs.horizontal
            surface.set(Cell(glyph, style: isEdge ? .bold : trackStyle), x: x, y: track.y)
        }
        if !scale.isEmpty { drawScale(into: &surface, row: scale, theme: theme) }

        // The cart is centred on x in dot precision; its cells are clamped so it never leaves the track.
        let dotWidth = area.width * 2
        let pivot = dotColumn(of: position, dotWidth: dotWidth)
        let cartCells = min(max(Int((cartWidth / (2 * trackLimit) * Double(area.width)).rounded()) | 1, 3), area.width)
        let cartLeft = min(max(area.x + pivot / 2 - cartCells / 2, area.x), area.maxX - cartCells)
        let cartStyle = Style(foreground: theme.seriesColor(1), attributes: .bold)
        for index in 0..<cartCells {
            let glyph: Character = unicode ? "█" : (index == 0 ? "[" : (index == cartCells - 1 ? "]" : "="))
            surface.set(Cell(glyph, style: cartStyle), x: cartLeft + index, y: cartRow.y)
        }
        guard !cartRow.isEmpty, !poleArea.isEmpty else { return }

        let grid = poleDots(columns: poleArea.width, rows: poleArea.height, pivot: pivot)
        let poleStyle = Style(foreground: theme.seriesColor(0), attributes: .bold)
        let asciiGlyph = Self.asciiPole(angle: angle)
        for row in 0..<poleArea.height {
            for column in 0..<poleArea.width {
                let dots = grid.dots(column: column, row: row)
                guard dots != 0 else { continue }
                surface.set(Cell(unicode ? Glyphs.braille(dots) : asciiGlyph, style: poleStyle),
                            x: poleArea.x + column, y: poleArea.y + row)
            }
        }
    }

    /// −limit under the left edge, 0 under the middle, +limit under the right edge, when they fit.
    private func drawScale<S: Surface>(into surface: inout S, row: Rect, theme: Theme) {
        let limit = String(format: "%.1f", trackLimit)
        let (left, right) = ("-" + limit, limit)
        guard left.count + right.count + 3 <= row.width else { return }
        surface.put(left, x: row.x, y: row.y, style: theme.labelStyle, clip: row)
        surface.put(right, x: row.maxX - right.count, y: row.y, style: theme.labelStyle, clip: row)
        surface.put("0", x: row.x + dotColumn(of: 0, dotWidth: row.width * 2) / 2, y: row.y, style: theme.labelStyle,
                    clip: row)
    }
}
