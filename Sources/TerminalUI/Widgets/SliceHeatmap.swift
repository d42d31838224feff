/// A value heatmap over a two-dimensional slice of a continuous state space: one state component across
/// (columns, low to high), another down (rows, high at the top), e.g. max_a Q or π(right|s) over CartPole's
/// θ × θ̇ or MountainCar's position × velocity, optionally with the greedy action's arrow in each cell. The
/// cell nearest the current state is marked, and the axes carry their names and ranges.
///
/// Inside `area`: the vertical axis's labels on the left (top and bottom of the range, its name between),
/// the grid, the horizontal axis's row under it (low end, name, high end) and the colour-scale legend.
public struct SliceHeatmap: Widget {
    /// Rows of values, the top row at the vertical axis's highest point; every row one value per column.
    public var values: [[Double]]
    /// Arrows per cell, same shape as `values` (missing rows or entries draw no arrow).
    public var arrows: [[Arrow?]]
    public var horizontalRange: ClosedRange<Double>
    public var verticalRange: ClosedRange<Double>
    /// The axes' names as the slice's environment writes them, e.g. `θ` and `θ̇` (transliterated in ASCII).
    public var horizontalName: String
    public var verticalName: String
    /// The current state's coordinates on the two axes, nil when there is no state to mark.
    public var state: (horizontal: Double, vertical: Double)?

    public init(values: [[Double]], arrows: [[Arrow?]] = [], horizontalRange: ClosedRange<Double>,
                verticalRange: ClosedRange<Double>, horizontalName: String = "θ", verticalName: String = "θ̇",
                state: (horizontal: Double, vertical: Double)? = nil) {
        self.values = values
        self.arrows = arrows
        self.horizontalRange = horizontalRange
        self.verticalRange = verticalRange
        self.horizontalName = horizontalName
        self.verticalName = verticalName
        self.state = state
    }

    /// The grid cell nearest `state`: column round((h − lo)/(hi − lo) · (columns − 1)), row likewise from
    /// the top of the vertical range; nil without a state or when it lies outside either range.
    public var markedCell: GridPosition? {
        guard let state, let columns = values.first?.count, columns > 0, !values.isEmpty,
              horizontalRange.contains(state.horizontal), verticalRange.contains(state.vertical) else { return nil }
        func index(_ fraction: Double, count: Int) -> Int {
            count > 1 ? Int((fraction * Double(count - 1)).rounded()) : 0
        }
        let horizontalSpan = horizontalRange.upperBound - horizontalRange.lowerBound
        let verticalSpan = verticalRange.upperBound - verticalRange.lowerBound
        return GridPosition(
            row: index(verticalSpan > 0 ? (verticalRange.upperBound - state.vertical) / verticalSpan : 0,
                       count: values.count),
            column: index(horizontalSpan > 0 ? (state.horizontal - horizontalRange.lowerBound) / horizontalSpan : 0,
                          count: columns))
    }

    public func render<S: Surface>(into surface: inout S, area: Rect, theme: Theme) {
        guard !area.isEmpty, !values.isEmpty else { return }
        let glyphs = theme.glyphs
        let (top, bottom) = (ValueLabel.compact(verticalRange.upperBound), ValueLabel.compact(verticalRange.lowerBound))
        let verticalLabel = glyphs.text(verticalName)
        let labelWidth = max(top.count, bottom.count, verticalLabel.count)
        let (labels, rest) = area.splitColumns(.first(labelWidth + 1))
        // The grid keeps at least one row; the horizontal axis and the legend follow it while rows remain.
        let shownRows = min(values.count, max(rest.height - 2, min(rest.height, 1)))
        let gridArea = Rect(x: rest.x, y: rest.y, width: rest.width, height: shownRows)
        let heatmap = Heatmap(values: values.map { $0.map(Optional.some) }, arrows: arrows, showLegend: false,
                              marked: markedCell)
        heatmap.render(into: &surface, area: gridArea, theme: theme)

        let labelStyle = theme.labelStyle
        surface.put(top, x: labels.x + labelWidth - top.count, y: labels.y, style: labelStyle, clip: labels)
        if shownRows >= 2 {
            surface.put(bottom, x: labels.x + labelWidth - bottom.count, y: labels.y + shownRows - 1, style: labelStyle,
                        clip: labels)
        }
        if shownRows >= 3 {
            surface.put(verticalLabel, x: labels.x + labelWidth - verticalLabel.count, y: labels.y + shownRows / 2,
                        style: labelStyle, clip: labels)
        }

        let gridWidth = (values.first?.count ?? 0) * heatmap.cellWidth(in: gridArea)
        let axis = rest.row(shownRows).splitColumns(.first(gridWidth)).left
        let (low, high, name) = (ValueLabel.compact(horizontalRange.lowerBound),
                                 ValueLabel.compact(horizontalRange.upperBound), glyphs.text(horizontalName))
        let nameX = axis.x + (axis.width - name.count) / 2
        if axis.x + low.count < nameX, nameX + name.count < axis.maxX - high.count {
            surface.put(low, x: axis.x, y: axis.y, style: labelStyle, clip: axis)
            surface.put(name, x: nameX, y: axis.y, style: labelStyle, clip: axis)
            surface.put(high, x: axis.maxX - high.count, y: axis.y, style: labelStyle, clip: axis)
        }
        let finite = values.joined().filter(\.isFinite)
        if let low = finite.min(), let high = finite.max() {
            ColorScaleLegend(range: low...high)
                .render(into: &surface, area: rest.row(shownRows + 1), theme: theme)
        }
    }
}
