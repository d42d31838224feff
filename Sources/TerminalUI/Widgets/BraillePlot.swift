import Foundation

/// A line plot of one or more series in braille: each cell holds 2 × 4 dots, so every cell column shows
/// two samples. When a series is longer than the plot has dot columns, each dot column shows the mean of
/// k = ⌈n / dot columns⌉ consecutive samples, so the whole history stays visible.
///
/// Layout inside `area`: the y axis labels (the range's top on the top row, its bottom on the bottom plot
/// row, and the middle row's value when the plot is five rows or taller) on the left, the plot to their
/// right, and an x axis row underneath with the first and last x of the scale at its ends and `xLabel` in
/// the middle. Vertical markers (e.g. where the algorithm or a hyperparameter changed) are drawn behind
/// the data, their labels on the top row over it. Later series draw over earlier ones; in ASCII, and
/// without colour when there are several, each series uses its own mark (`drawsMarks`). On a log₁₀
/// scale the y labels are powers read back in data units. Values beyond a fixed `yRange` are drawn on its
/// edge, and that edge's label is marked `≥` (top) or `≤` (bottom).
public struct BraillePlot: Widget {
    public var series: [PlotSeries]
    public var markers: [PlotMarker]
    public var xLabel: String
    /// The x value printed for sample 0 (e.g. 1 to count episodes from one).
    public var firstX: Int
    /// A fixed y range in data units; nil uses the data's min and max.
    public var yRange: ClosedRange<Double>?
    public var yScale: PlotScale
    /// The texts at the x axis' ends when the samples stand for other x values than their indices (the
    /// environment steps of resampled learning curves); nil prints `firstX` and the last dot column's index.
    public var xEndLabels: (first: String, last: String)?

    public init(series: [PlotSeries], markers: [PlotMarker] = [], xLabel: String = "", firstX: Int = 0,
                yRange: ClosedRange<Double>? = nil, yScale: PlotScale = .linear,
                xEndLabels: (first: String, last: String)? = nil) {
        self.series = series
        self.markers = markers
        self.xLabel = xLabel
        self.firstX = firstX
        self.yRange = yRange
        self.yScale = yScale
        self.xEndLabels = xEndLabels
    }

    /// The y range shown, in data units: `yRange`, else min…max of all finite values (positive ones on a
    /// log scale), widened to ±1 around a single value (×/÷ 10 on a log scale) and 0…1 (1…10) when there
    /// are none.
    public var effectiveRange: ClosedRange<Double> {
        if let yRange { return yRange }
        let shown = series.flatMap(\.values).filter { $0.isFinite && (yScale == .linear || $0 > 0) }
        guard let low = shown.min(), let high = shown.max() else { return yScale == .linear ? 0...1 : 1...10 }
        guard low == high else { return low...high }
        return yScale == .linear ? (low - 1)...(high + 1) : (low / 10)...(high * 10)
    }

    /// `value` on the plot's vertical axis: itself, or log₁₀ of it (NaN for values ≤ 0) on a log scale.
    public func scaled(_ value: Double) -> Double {
        switch yScale {
        case .linear: value
        case .log10: value > 0 ? Foundation.log10(value) : .nan
        }
    }

    /// Whether series are drawn with their ASCII marks instead of braille: always in ASCII, and without
    /// colour when there are several, since braille dots of one style cannot say which line is which.
    public static func drawsMarks(seriesCount: Int, theme: Theme) -> Bool {
        theme.charset == .ascii || (theme.colorMode == .none && seriesCount > 1)
    }

    /// The legend entry of a series named `label`: its mark when the plot draws marks, a line otherwise,
    /// in the series' colour.
    public static func legendKey(for series: PlotSeries, label: String, seriesCount: Int, theme: Theme) -> KeyHint {
        let marks = drawsMarks(seriesCount: seriesCount, theme: theme)
        return KeyHint(marks ? String(series.asciiMark) : String(theme.glyphs.horizontal), label,
                       keyStyle: Style(foreground: series.color, attributes: .bold))
    }

    /// Samples per dot column: k = ⌈count / dotColumns⌉, at least 1.
    public static func samplesPerDot(count: Int, dotColumns: Int) -> Int {
        guard dotColumns > 0 else { return max(count, 1) }
        return max(1, (count + dotColumns - 1) / dotColumns)
    }

    /// The point of each dot column: the mean of the finite values among samples [i·k, (i+1)·k), nil when
    /// there are none (the line breaks there).
    public static func bucketMeans(_ values: [Double], samplesPerDot k: Int) -> [Double?] {
        stride(from: 0, to: values.count, by: max(k, 1)).map { start in
            let bucket = values[start..<min(start + max(k, 1), values.count)].filter(\.isFinite)
            return bucket.isEmpty ? nil : bucket.reduce(0, +) / Double(bucket.count)
        }
    }

    /// Rasterises points (one per dot column, from the left) into a grid of `columns` × `rows` cells.
    /// A point's dot row is round((hi − y) / (hi − lo) · (dotHeight − 1)), clamped; consecutive points are
    /// joined by raising the dots between their rows in the later column, so steep changes stay connected.
    public static func rasterize(_ points: [Double?], range: ClosedRange<Double>, columns: Int, rows: Int) -> DotGrid {
        var grid = DotGrid(columns: columns, rows: rows)
        let bottom = grid.dotHeight - 1
        guard bottom >= 0 else { return grid }
        let span = range.upperBound - range.lowerBound
        func dotRow(_ y: Double) -> Int {
            guard span > 0 else { return bottom / 2 }
            return min(max(Int(((range.upperBound - y) / span * Double(bottom)).rounded()), 0), bottom)
        }
        var previous: Int?
        for (x, point) in points.prefix(grid.dotWidth).enumerated() {
            guard let point else {
                previous = nil
                continue
            }
            let row = dotRow(point)
            if let previous, previous != row {
                let step = row > previous ? 1 : -1
                for y in stride(from: previous + step, through: row, by: step) {
                    grid.raise(x: x, y: y)
                }
            } else {
                grid.raise(x: x, y: row)
            }
            previous = row
        }
        return grid
    }

    /// The rect the curves are drawn in within `area`: right of the y labels, above the x axis row (empty
    /// below two rows). A caller that resamples its data to the plot's dot columns asks for it first.
    public func plotArea(in area: Rect, theme: Theme) -> Rect {
        guard area.height >= 2 else { return Rect(x: area.x, y: area.y, width: 0, height: 0) }
        return layout(in: area, theme: theme).plot
    }

    /// The y labels with their column, the plot and the x axis row.
    private func layout(in area: Rect, theme: Theme)
        -> (labels: Rect, labelWidth: Int, yLabels: [(row: Int, text: String)], plot: Rect, axis: Rect,
            range: ClosedRange<Double>) {
        let dataRange = effectiveRange
        let range = scaled(dataRange.lowerBound)...max(scaled(dataRange.upperBound), scaled(dataRange.lowerBound))
        let yLabels = axisLabels(range: range, plotHeight: area.height - 1, clipped: clipped(dataRange),
                                 glyphs: theme.glyphs)
        let labelWidth = yLabels.map(\.text.count).max() ?? 0
        let (labels, rest) = area.splitColumns(.first(labelWidth + 1))
        let (plot, axis) = rest.splitRows(.last(1))
        return (labels, labelWidth, yLabels, plot, axis, range)
    }

    public func render<S: Surface>(into surface: inout S, area: Rect, theme: Theme) {
        guard area.height >= 2 else { return }
        let (labels, labelWidth, yLabels, plot, axis, range) = layout(in: area, theme: theme)
        for label in yLabels {
            surface.put(label.text, x: labels.x + labelWidth - label.text.count, y: labels.y + label.row,
                        style: theme.labelStyle, clip: labels)
        }
        guard !plot.isEmpty else { return }

        let count = series.map(\.values.count).max() ?? 0
        let k = Self.samplesPerDot(count: count, dotColumns: plot.width * 2)
        let columns = markers.map { Self.markerColumn($0.x, samplesPerDot: k, width: plot.width) }
        for column in columns.compactMap(\.self) {
            for y in plot.y..<plot.maxY {
                surface.set(Cell(theme.glyphs.marker, style: theme.markerStyle), x: plot.x + column, y: y)
            }
        }
        drawSeries(into: &surface, plot: plot, samplesPerDot: k, range: range, theme: theme)
        var free = plot.x
        for (marker, column) in zip(markers, columns) {
            guard let column, !marker.label.isEmpty, plot.x + column + 1 >= free else { continue }
            let text = theme.glyphs.text(marker.label)
            guard plot.x + column + 1 + text.count <= plot.maxX else { continue }
            free = surface.put(text, x: plot.x + column + 1, y: plot.y, style: theme.labelStyle, clip: plot) + 1
        }
        drawAxis(into: &surface, axis: axis, lastX: firstX + plot.width * 2 * k - 1, theme: theme)
    }

    /// The cell column of a marker at sample `x` (⌊x / k / 2⌋), nil when it is not finite, negative, or
    /// beyond the plot.
    public static func markerColumn(_ x: Double, samplesPerDot k: Int, width: Int) -> Int? {
        guard x.isFinite, x >= 0 else { return nil }
        let column = Int(x) / max(k, 1) / 2
        return column < width ? column : nil
    }

    /// Whether a fixed `yRange` cuts off finite values below it and above it.
    private func clipped(_ range: ClosedRange<Double>) -> (below: Bool, above: Bool) {
        guard yRange != nil else { return (false, false) }
        let values = series.flatMap(\.values).filter(\.isFinite)
        return (values.contains { $0 < range.lowerBound }, values.contains { $0 > range.upperBound })
    }

    /// The y labels and their rows: the range's top, its bottom, and the middle row's value when there
    /// are five plot rows or more; values read back through the scale; a clipped edge marked ≥ or ≤.
    private func axisLabels(range: ClosedRange<Double>, plotHeight: Int, clipped: (below: Bool, above: Bool),
                            glyphs: Glyphs) -> [(row: Int, text: String)] {
        func label(_ scaledValue: Double) -> String {
            switch yScale {
            case .linear: ValueLabel.compact(scaledValue)
            case .log10: ValueLabel.magnitude(pow(10, scaledValue))
            }
        }
        guard plotHeight >= 1 else { return [] }
        var labels = [(row: plotHeight - 1, text: (clipped.below ? glyphs.text("≤") : "") + label(range.lowerBound)),
                      (row: 0, text: (clipped.above ? glyphs.text("≥") : "") + label(range.upperBound))]
        if plotHeight >= 5 {
            // The value at the centre of the middle row's dots, by the rasteriser's own mapping.
            let middle = (plotHeight - 1) / 2
            let fraction = (Double(middle * 4) + 1.5) / Double(plotHeight * 4 - 1)
            labels.append((row: middle, text: label(range.upperBound - fraction * (range.upperBound - range.lowerBound))))
        }
        return labels
    }

    private func drawSeries<S: Surface>(into surface: inout S, plot: Rect, samplesPerDot k: Int,
                                        range: ClosedRange<Double>, theme: Theme) {
        let marks = Self.drawsMarks(seriesCount: series.count, theme: theme)
        // Braille bits already drawn per cell, so overlapping series keep each other's dots.
        var drawn = Array(repeating: UInt8(0), count: plot.width * plot.height)
        for line in series {
            let values = yScale == .linear ? line.values : line.values.map(scaled)
            let grid = Self.rasterize(Self.bucketMeans(values, samplesPerDot: k), range: range,
                                      columns: plot.width, rows: plot.height)
            for row in 0..<plot.height {
                for column in 0..<plot.width {
                    let dots = grid.dots(column: column, row: row)
                    guard dots != 0 else { continue }
                    drawn[row * plot.width + column] |= dots
                    let glyph = marks ? line.asciiMark : Glyphs.braille(drawn[row * plot.width + column])
                    surface.set(Cell(glyph, style: Style(foreground: line.color, attributes: line.attributes)),
                                x: plot.x + column, y: plot.y + row)
                }
            }
        }
    }

    private func drawAxis<S: Surface>(into surface: inout S, axis: Rect, lastX: Int, theme: Theme) {
        let (first, last) = xEndLabels ?? (String(firstX), String(lastX))
        guard first.count + 1 + last.count <= axis.width else { return }
        surface.put(first, x: axis.x, y: axis.y, style: theme.labelStyle, clip: axis)
        surface.put(last, x: axis.maxX - last.count, y: axis.y, style: theme.labelStyle, clip: axis)
        let room = axis.width - first.count - last.count - 2
        guard !xLabel.isEmpty, xLabel.count <= room else { return }
        surface.put(xLabel, x: axis.x + first.count + 1 + (room - xLabel.count) / 2, y: axis.y,
                    style: theme.labelStyle, clip: axis)
    }
}
