/// The second plot: the training loss of each update and the mean |TD error| (δ) of its batch, on a
/// log₁₀ y axis, since both fall by orders of magnitude while learning; a legend row names the curves.
/// Either series may be empty (policy-gradient agents have no TD error).
public struct LossPlot: Widget {
    public var losses: [Double]
    public var tdErrors: [Double]

    public init(losses: [Double], tdErrors: [Double] = []) {
        self.losses = losses
        self.tdErrors = tdErrors
    }

    public func render<S: Surface>(into surface: inout S, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let named = [(losses, "loss", theme.seriesColor(0), Character("*")),
                     (tdErrors, theme.glyphs.text("|δ|"), theme.seriesColor(1), Character("o"))]
            .filter { !$0.0.isEmpty }
        guard !named.isEmpty else {
            TextBlock(["No update has run yet."], style: theme.labelStyle).render(into: &surface, area: area, theme: theme)
            return
        }
        let (legend, plot) = area.splitRows(.first(area.height >= 4 ? 1 : 0))
        let series = named.map { PlotSeries($0.0, color: $0.2, asciiMark: $0.3) }
        let keys = zip(series, named).map { line, entry in
            BraillePlot.legendKey(for: line, label: entry.1, seriesCount: series.count, theme: theme)
        }
        KeyHintLine(keys + [KeyHint("", "log scale")]).render(into: &surface, area: legend, theme: theme)
        BraillePlot(series: series, xLabel: "update", firstX: 1, yScale: .log10).render(into: &surface, area: plot, theme: theme)
    }
}
