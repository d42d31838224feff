/// A grid of values drawn as coloured cells, e.g. max_a Q(s,a) over a gridworld with the greedy action's
/// arrow in each cell, and a colour-scale legend with the range's numbers underneath.
///
/// Values are binned by `ColorRamp.level(of:in:levels:)`: with colour each cell gets the ramp's
/// background (10 levels in 256 colours, 4 in 8); without colour it is filled with a shade glyph (4
/// levels in Unicode, 9 in ASCII; light = low), so the meaning survives `NO_COLOR`. A nil value is a
/// wall and stays blank. Each cell is as wide as the area allows (up to `maxCellWidth`), one row high;
/// its arrow and, when asked for and when every cell's fits, its number are centred in it.
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
    /// A cell to single out (e.g. the state the agent is in): drawn in reverse video with the agent glyph
    /// in Unicode, with `O` in ASCII (whose agent `@` is also the darkest shade).
    public var marked: GridPosition?

    public init(values: [[Double?]], arrows: [[Arrow?]] = [], range: ClosedRange<Double>? = nil,
                showNumbers: Bool = false, showLegend: Bool = true, maxCellWidth: Int = 6, marked: GridPosition? = nil) {
        self.marked = marked
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
        if let marked, marked.row >= 0, marked.row < gridRows, marked.column >= 0 {
            let cell = Rect(x: area.x + marked.column * width, y: area.y + marked.row, width: width, height: 1)
                .intersection(area)
            let value = marked.column < values[marked.row].count ? values[marked.row][marked.column] : nil
            if !cell.isEmpty, let value {
                drawMark(value, in: cell, range: range, into: &surface, theme: theme)
            }
        }
        if showLegend, let legendRange = effectiveRange, gridRows < area.height {
            ColorScaleLegend(range: legendRange).render(into: &surface, area: area.row(gridRows), theme: theme)
        }
    }

    /// The widest cell text with numbers: an arrow (when there are any) and the longest label.
    private var numberWidth: Int {
        let labels = values.flatMap { $0.compactMap { $0.map(ValueLabel.compact) } }
        let arrowWidth = arrows.contains { $0.contains { $0 != nil } } ? 1 : 0
        return arrowWidth + (labels.map(\.count).max() ?? 0)
    }

    /// The fill of a cell holding `value`: a blank on the ramp's colour, or the value's shade glyph
    /// without colour.
    private func fill(for value: Double, range: ClosedRange<Double>, theme: Theme) -> Cell {
        if let ramp = theme.ramp {
            let level = ColorRamp.level(of: value, in: range, levels: ramp.levels)
            return Cell(" ", style: Style(foreground: ramp.foregrounds[level], background: ramp.backgrounds[level]))
        }
        let shades = theme.glyphs.shades
        return Cell(shades[ColorRamp.level(of: value, in: range, levels: shades.count)])
    }

    private func drawMark<S: Surface>(_ value: Double, in cell: Rect, range: ClosedRange<Double>, into surface: inout S,
                                      theme: Theme) {
        var style = fill(for: value, range: range, theme: theme).style
        style.attributes.formUnion([.bold, .reverse])
        let glyph = theme.charset == .unicode ? String(theme.glyphs.agent) : "O"
        surface.put(glyph, x: cell.x + (cell.width - 1) / 2, y: cell.y, style: style, clip: cell)
    }

    private func drawCell<S: Surface>(_ value: Double, arrow: Arrow?, numbered: Bool, in cell: Rect, range: ClosedRange<Double>,
                                      into surface: inout S, theme: Theme) {
        let background = fill(for: value, range: range, theme: theme)
        let style = background.style
        surface.fill(cell, with: background)
        var text = arrow.map { String(theme.glyphs.arrow($0)) } ?? ""
        if numbered {
            text += ValueLabel.compact(value)
        }
        surface.put(text, x: cell.x + (cell.width - text.count) / 2, y: cell.y, style: style, clip: cell)
    }
}
