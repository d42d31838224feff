import Foundation

/// Learning curves with confidence bands over a numeric x axis (environment steps), in braille: a legend row
/// naming each curve in its colour, then a `BraillePlot` of the curves resampled at its dot columns, each dot
/// column at x = xMax · i / (dots − 1), its value interpolated linearly between the curve's points. Each
/// band is drawn as its two edges, dim in the curve's colour, where they can be told from the curves: with
/// colour, or when there is a single curve (its edges then in `:` in ASCII). Otherwise only the curves are
/// drawn, each with its own ASCII mark, and the legend says the bands are left out.
public struct BandPlot: Widget {
    public var curves: [BandCurve]
    public var xLabel: String

    /// ASCII marks of the curves, in order.
    static let marks: [Character] = ["*", "o", "+", "x", "%", "&", "#", "@"]

    public init(curves: [BandCurve], xLabel: String = "steps") {
        self.curves = curves
        self.xLabel = xLabel
    }

    /// Whether the bands are drawn under `theme`.
    public func drawsBands(theme: Theme) -> Bool {
        theme.colorMode != .none || curves.count == 1
    }

    /// The y range over every curve: from the lowest band edge to the highest when bands are drawn, else
    /// from the lowest value to the highest.
    func valueRange(bands: Bool) -> ClosedRange<Double>? {
        let points = curves.flatMap(\.points)
        guard let low = points.map({ bands ? $0.low : $0.value }).min(),
              let high = points.map({ bands ? $0.high : $0.value }).max() else { return nil }
        return low...max(high, low)
    }

    public func render<S: Surface>(into surface: inout S, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let bands = drawsBands(theme: theme)
        let lastX = curves.compactMap { $0.points.last?.x }.max() ?? 0
        guard let range = valueRange(bands: bands), lastX > 0 else {
            TextBlock(["No run reaches a point where its curve can be drawn."], style: theme.labelStyle)
                .render(into: &surface, area: area, theme: theme)
            return
        }
        let (legend, rest) = area.splitRows(.first(area.height >= 4 ? 1 : 0))
        let styled = curves.indices.map { index in
            PlotSeries([], color: theme.seriesColor(index), asciiMark: Self.marks[index % Self.marks.count])
        }
        let allSeries = styled.count + (bands ? 2 * styled.count : 0)
        var keys = zip(styled, curves).map { series, curve in
            BraillePlot.legendKey(for: series, label: theme.glyphs.text(curve.label), seriesCount: allSeries, theme: theme)
        }
        keys.append(KeyHint("", bands ? "band: 95% CI" : "no bands without colour (--csv)"))
        KeyHintLine(keys).render(into: &surface, area: legend, theme: theme)

        var plot = BraillePlot(series: [], xLabel: xLabel, yRange: range,
                               xEndLabels: ("0", Self.stepLabel(lastX)))
        let dots = plot.plotArea(in: rest, theme: theme).width * 2
        guard dots >= 2 else { return }
        let xs = (0..<dots).map { lastX * Double($0) / Double(dots - 1) }
        // Every band first, so no band's dots take the colour of a cell another curve's line passes through.
        var edges: [PlotSeries] = [], lines: [PlotSeries] = []
        for (curve, style) in zip(curves, styled) {
            let samples = xs.map(curve.sample)
            if bands {
                for side in [\BandCurve.Point.low, \BandCurve.Point.high] {
                    edges.append(PlotSeries(samples.map { $0?[keyPath: side] ?? .nan }, color: style.color, asciiMark: ":",
                                            attributes: .dim))
                }
            }
            lines.append(PlotSeries(samples.map { $0?.value ?? .nan }, color: style.color, asciiMark: style.asciiMark,
                                    attributes: .bold))
        }
        plot.series = edges + lines
        plot.render(into: &surface, area: rest, theme: theme)
    }

    /// A step count as an axis end: whole below 10,000, else `ValueLabel.compact` (50k, 1.2e6).
    static func stepLabel(_ steps: Double) -> String {
        steps < 9_999.5 ? String(Int(steps.rounded())) : ValueLabel.compact(steps)
    }
}
