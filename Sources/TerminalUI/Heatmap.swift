/// A grid of values drawn as coloured cells, e.g. max_a Q(s,a) over a gridworld with the greedy action's
/// arrow in each cell, and a colour-scale legend with the range's numbers underneath.
///
/// Values are binned by `ColorRamp.level(of:in:levels:)`: with colour each cell gets the ramp's
/// background (10 levels in 256 colours, 4 in 8); without colour it is filled with a shade glyph (4
/// levels, light = low), so the meaning survives `NO_COLOR`. A nil value is a wall and stays blank. Each
/// cell is as wide as the area allows (up to `maxCellWidth`), one row high; its arrow and, when asked for
/// and when every cell's fits, its number are centred in it.
public struct Heatmap: Widget {
    /// Rows of values, top row first; nil marks a wall.
    public var values: [[Double?]]
    /// Arrows per cell, same shape as `values` (missing rows or entries draw no arrow).
    public var arrows: [[Arrow?]]
    /// The range the colours span; nil uses the min and max of the values.
    public var range: ClosedRange<Double>?
    public var showNumbers: Bool
    public var showLegend: Bool
    public var maxCellWidth: Int

    public init(values: [[Double?]], arrows: [[Arrow?]] = [], range: ClosedRange<Double>? = nil,
                showNumbers: Bool = false, showLegend: Bool = true, maxCellWidth: Int = 6) {
        self.values = values
        self.arrows = arrows
        self.range = range
        self.showNumbers = showNumbers
        self.showLegend = showLegend
        self.maxCellWidth = maxCellWidth
    }

    /// `range`, else min…max of the finite values (nil when there are none).
    public var effectiveRange: ClosedRange<Double>? {
        if let range { return range }
        let finite = values.flatMap { $0.compactMap { $0 } }.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return nil }
        return low...high
    }

    /// The width of one grid cell in `area`: ⌊width / columns⌋, between 1 and `maxCellWidth`.
    public func cellWidth(in area: Rect) -> Int {
        let columns = values.map(\.count).max() ?? 0
        guard columns > 0 else { return 1 }
        return min(max(area.width / columns, 1), max(maxCellWidth, 1))
    }

    public func render<S: Surface>(into surface: inout S, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let width = cellWidth(in: area)
        let gridRows = min(values.count, area.height - (showLegend && area.height > 1 ? 1 : 0))
        let range = effectiveRange ?? 0...0
        let numbered = showNumbers && numberWidth <= width
        for row in 0..<max(gridRows, 0) {
            for (column, value) in values[row].enumerated() {
                let cell = Rect(x: area.x + column * width, y: area.y + row, width: width, height: 1).intersection(area)
                guard let value, !cell.isEmpty else { continue }
                let arrow = row < arrows.count && column < arrows[row].count ? arrows[row][column] : nil
                drawCell(value, arrow: arrow, numbered: numbered, in: cell, range: range, into: &surface, theme: theme)
            }
        }
        if showLegend, let legendRange = effectiveRange, gridRows < area.height {
            drawLegend(legendRange, in: area.row(gridRows), into: &surface, theme: theme)
        }
    }

    /// The widest cell text with numbers: an arrow (when there are any) and the longest label.
    private var numberWidth: Int {
        let labels = values.flatMap { $0.compactMap { $0.map(ValueLabel.compact) } }
        let arrowWidth = arrows.contains { $0.contains { $0 != nil } } ? 1 : 0
        return arrowWidth + (labels.map(\.count).max() ?? 0)
    }

    private func drawCell<S: Surface>(_ value: Double, arrow: Arrow?, numbered: Bool, in cell: Rect, range: ClosedRange<Double>,
                                      into surface: inout S, theme: Theme) {
        var style = Style.plain, fill: Character = " "
        if let ramp = theme.ramp {
            let level = ColorRamp.level(of: value, in: range, levels: ramp.levels)
            style = Style(foreground: ramp.foregrounds[level], background: ramp.backgrounds[level])
        } else {
            let shades = theme.glyphs.shades
            fill = shades[ColorRamp.level(of: value, in: range, levels: shades.count)]
        }
        surface.fill(cell, with: Cell(fill, style: style))
        var text = arrow.map { String(theme.glyphs.arrow($0)) } ?? ""
        if numbered {
            text += ValueLabel.compact(value)
        }
        surface.put(text, x: cell.x + (cell.width - text.count) / 2, y: cell.y, style: style, clip: cell)
    }

    /// `lo` then one swatch per level (two cells each when there are few levels) then `hi`.
    private func drawLegend<S: Surface>(_ range: ClosedRange<Double>, in line: Rect, into surface: inout S,
                                        theme: Theme) {
        var x = surface.put("\(ValueLabel.compact(range.lowerBound)) ", x: line.x, y: line.y,
                            style: theme.labelStyle, clip: line)
        let levels = theme.ramp?.levels ?? theme.glyphs.shades.count
        let swatchWidth = levels < 8 ? 2 : 1
        for level in 0..<levels {
            let swatch = Rect(x: x, y: line.y, width: swatchWidth, height: 1).intersection(line)
            if let ramp = theme.ramp {
                surface.fill(swatch, with: Cell(" ", style: Style(background: ramp.backgrounds[level])))
            } else {
                surface.fill(swatch, with: Cell(theme.glyphs.shades[level]))
            }
            x += swatchWidth
        }
        surface.put(" \(ValueLabel.compact(range.upperBound))", x: x, y: line.y, style: theme.labelStyle, clip: line)
    }
}
