/// A value heatmap over a slice of CartPole's state space: θ across (columns, low to high), θ̇ down (rows,
/// high at the top), with x = ẋ = 0, e.g. max_a Q or π(right|s) at each grid point; the cell nearest
/// the current (θ, θ̇) is marked, and the axes carry their ranges.
///
/// Inside `area`: the θ̇ labels on the left (top and bottom of the range), the grid, a θ axis row under it
/// (low end, `θ`, high end) and the colour-scale legend.
public struct CartPoleSlice: Widget {
    /// Rows of values, the top row at the highest θ̇; every row one value per θ grid point.
    public var values: [[Double]]
    public var angleRange: ClosedRange<Double>
    public var angularVelocityRange: ClosedRange<Double>
    /// The current pole angle θ and angular velocity θ̇, nil when there is no state to mark.
    public var state: (angle: Double, angularVelocity: Double)?

    public init(values: [[Double]], angleRange: ClosedRange<Double>, angularVelocityRange: ClosedRange<Double>,
                state: (angle: Double, angularVelocity: Double)? = nil) {
        self.values = values
        self.angleRange = angleRange
        self.angularVelocityRange = angularVelocityRange
        self.state = state
    }

    /// The grid cell nearest `state`: column round((θ − lo)/(hi − lo) · (columns − 1)), row likewise from
    /// the top of θ̇'s range; nil without a state or when it lies outside either range.
    public var markedCell: GridPosition? {
        guard let state, let columns = values.first?.count, columns > 0, !values.isEmpty,
              angleRange.contains(state.angle), angularVelocityRange.contains(state.angularVelocity) else { return nil }
        func index(_ fraction: Double, count: Int) -> Int {
            count > 1 ? Int((fraction * Double(count - 1)).rounded()) : 0
        }
        let angleSpan = angleRange.upperBound - angleRange.lowerBound
        let velocitySpan = angularVelocityRange.upperBound - angularVelocityRange.lowerBound
        return GridPosition(
            row: index(velocitySpan > 0 ? (angularVelocityRange.upperBound - state.angularVelocity) / velocitySpan : 0,
                       count: values.count),
            column: index(angleSpan > 0 ? (state.angle - angleRange.lowerBound) / angleSpan : 0, count: columns))
    }

    public func render<S: Surface>(into surface: inout S, area: Rect, theme: Theme) {
        guard !area.isEmpty, !values.isEmpty else { return }
        let glyphs = theme.glyphs
        let (top, bottom) = (ValueLabel.compact(angularVelocityRange.upperBound),
                             ValueLabel.compact(angularVelocityRange.lowerBound))
        let velocityName = glyphs.text("θ̇")
        let labelWidth = max(top.count, bottom.count, velocityName.count)
        let (labels, rest) = area.splitColumns(.first(labelWidth + 1))
        // The grid keeps at least one row; the θ axis and the legend follow it while rows remain.
        let shownRows = min(values.count, max(rest.height - 2, min(rest.height, 1)))
        let gridArea = Rect(x: rest.x, y: rest.y, width: rest.width, height: shownRows)
        let heatmap = Heatmap(values: values.map { $0.map(Optional.some) }, showLegend: false, marked: markedCell)
        heatmap.render(into: &surface, area: gridArea, theme: theme)

        let labelStyle = theme.labelStyle
        surface.put(top, x: labels.x + labelWidth - top.count, y: labels.y, style: labelStyle, clip: labels)
        if shownRows >= 2 {
            surface.put(bottom, x: labels.x + labelWidth - bottom.count, y: labels.y + shownRows - 1, style: labelStyle,
                        clip: labels)
        }
        if shownRows >= 3 {
            surface.put(velocityName, x: labels.x + labelWidth - velocityName.count, y: labels.y + shownRows / 2,
                        style: labelStyle, clip: labels)
        }

        let gridWidth = (values.first?.count ?? 0) * heatmap.cellWidth(in: gridArea)
        let axis = rest.row(shownRows).splitColumns(.first(gridWidth)).left
        let (low, high, name) = (ValueLabel.compact(angleRange.lowerBound), ValueLabel.compact(angleRange.upperBound),
                                 glyphs.text("θ"))
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
