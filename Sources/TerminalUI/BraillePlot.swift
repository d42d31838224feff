/// A line plot of one or more series in braille: each cell holds 2 × 4 dots, so every cell column shows
/// two samples. When a series is longer than the plot has dot columns, each dot column shows the mean of
/// k = ⌈n / dot columns⌉ consecutive samples, so the whole history stays visible.
///
/// Layout inside `area`: the y axis labels (the data's max on the top row, min on the bottom plot row) on
/// the left, the plot to their right, and an x axis row underneath with the first and last x of the
/// scale at its ends and `xLabel` in the middle. Vertical markers (e.g. where the algorithm or a
/// hyperparameter changed) are drawn behind the data. Later series draw over earlier ones; in ASCII each
/// series uses its own mark.
public struct BraillePlot: Widget {
    public var series: [PlotSeries]
    /// x positions (sample indices) of vertical markers.
    public var markers: [Double]
    public var xLabel: String
    /// The x value printed for sample 0 (e.g. 1 to count episodes from one).
    public var firstX: Int
    /// A fixed y range; nil uses the data's min and max.
    public var yRange: ClosedRange<Double>?

    public init(series: [PlotSeries], markers: [Double] = [], xLabel: String = "", firstX: Int = 0,
                yRange: ClosedRange<Double>? = nil) {
        self.series = series
        self.markers = markers
        self.xLabel = xLabel
        self.firstX = firstX
        self.yRange = yRange
    }

    /// The y range shown: `yRange`, else min…max of all finite values, widened to ±1 around a single value
    /// (and 0…1 when there are none).
    public var effectiveRange: ClosedRange<Double> {
        if let yRange { return yRange }
        let finite = series.flatMap(\.values).filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return 0...1 }
        return low < high ? low...high : (low - 1)...(high + 1)
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

    public func render<S: Surface>(into surface: inout S, area: Rect, theme: Theme) {
        guard area.height >= 2 else { return }
        let range = effectiveRange
        let (top, bottom) = (ValueLabel.compact(range.upperBound), ValueLabel.compact(range.lowerBound))
        let labelWidth = max(top.count, bottom.count)
        let (labels, rest) = area.splitColumns(.first(labelWidth + 1))
        let (plot, axis) = rest.splitRows(.last(1))
        surface.put(bottom, x: labels.x + labelWidth - bottom.count, y: plot.maxY - 1, style: theme.labelStyle, clip: labels)
        surface.put(top, x: labels.x + labelWidth - top.count, y: plot.y, style: theme.labelStyle, clip: labels)
        guard !plot.isEmpty else { return }

        let count = series.map(\.values.count).max() ?? 0
        let k = Self.samplesPerDot(count: count, dotColumns: plot.width * 2)
        for marker in markers where marker.isFinite && marker >= 0 {
            let column = Int(marker) / k / 2
            guard column < plot.width else { continue }
            for y in plot.y..<plot.maxY {
                surface.set(Cell(theme.glyphs.marker, style: theme.markerStyle), x: plot.x + column, y: y)
            }
        }
        drawSeries(into: &surface, plot: plot, samplesPerDot: k, range: range, theme: theme)
        drawAxis(into: &surface, axis: axis, lastX: firstX + plot.width * 2 * k - 1, theme: theme)
    }

    private func drawSeries<S: Surface>(into surface: inout S, plot: Rect, samplesPerDot k: Int,
                                        range: ClosedRange<Double>, theme: Theme) {
        // Braille bits already drawn per cell, so overlapping series keep each other's dots.
        var drawn = Array(repeating: UInt8(0), count: plot.width * plot.height)
        for line in series {
            let grid = Self.rasterize(Self.bucketMeans(line.values, samplesPerDot: k), range: range,
                                      columns: plot.width, rows: plot.height)
            for row in 0..<plot.height {
                for column in 0..<plot.width {
                    let dots = grid.dots(column: column, row: row)
                    guard dots != 0 else { continue }
                    drawn[row * plot.width + column] |= dots
                    let glyph = theme.charset == .unicode ? Glyphs.braille(drawn[row * plot.width + column]) : line.asciiMark
                    surface.set(Cell(glyph, style: Style(foreground: line.color)), x: plot.x + column, y: plot.y + row)
                }
            }
        }
    }

    private func drawAxis<S: Surface>(into surface: inout S, axis: Rect, lastX: Int, theme: Theme) {
        let (first, last) = (String(firstX), String(lastX))
        guard first.count + 1 + last.count <= axis.width else { return }
        surface.put(first, x: axis.x, y: axis.y, style: theme.labelStyle, clip: axis)
        surface.put(last, x: axis.maxX - last.count, y: axis.y, style: theme.labelStyle, clip: axis)
        let room = axis.width - first.count - last.count - 2
        guard !xLabel.isEmpty, xLabel.count <= room else { return }
        surface.put(xLabel, x: axis.x + first.count + 1 + (room - xLabel.count) / 2, y: axis.y,
                    style: theme.labelStyle, clip: axis)
    }
}
