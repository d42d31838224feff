import Foundation

/// The pre-engine preview that `rlterm watch` draws until the training engine exists: the real layout and
/// widgets filled with made-up data from fixed formulas (nothing is learning). It exercises the drawing
/// path end to end — layout, panels, plot, heatmap, the curses diff — and goes away when the engine
/// publishes real snapshots.
public enum PreviewScreen {
    /// Draws the preview at animation step `tick` (the made-up reward curve grows by one episode a tick).
    public static func render<S: Surface>(into surface: inout S, theme: Theme, tick: Int) {
        guard let layout = ScreenLayout(width: surface.width, height: surface.height) else {
            TooSmallNotice().render(into: &surface, area: surface.bounds, theme: theme)
            return
        }
        let returns = (0..<(40 + max(tick, 0))).map(fakeReturn)
        let average = PlotSeries.movingAverage(returns, window: 50)
        let separator = theme.glyphs.separator
        StatusLine(left: ["rlterm", "preview", "no training yet", "episode \(returns.count)"].joined(separator: separator),
                   style: .bold).render(into: &surface, area: layout.status, theme: theme)

        Panel(title: "Environment").render(into: &surface, area: layout.environment, theme: theme)
        Panel(title: "About this preview").render(into: &surface, area: layout.parameters, theme: theme)
        let note = ["Made-up data drawn with the real widgets:", "returns rise with noise, Q-values grow",
                    "toward the goal. Training comes next."]
        for (row, line) in note.enumerated() {
            surface.put(line, x: layout.parameters.x + 2, y: layout.parameters.y + 1 + row,
                        style: theme.labelStyle, clip: Panel.inner(layout.parameters))
        }

        Panel(title: "Episode return", trailingTitle: "avg50 \(ValueLabel.compact(average.last ?? 0))")
            .render(into: &surface, area: layout.plot, theme: theme)
        BraillePlot(series: [PlotSeries(returns, color: theme.seriesColor(0)),
                             PlotSeries(average, color: theme.movingAverageColor, asciiMark: ".")],
                    markers: returns.count > 200 ? [200] : [], xLabel: "episode", firstX: 1)
            .render(into: &surface, area: Panel.inner(layout.plot).inset(horizontal: 1, vertical: 0), theme: theme)

        Panel(title: "Q-values", trailingTitle: "max Q(s,a)").render(into: &surface, area: layout.heatmap, theme: theme)
        let (values, arrows) = fakeCliffValues()
        Heatmap(values: values, arrows: arrows, showNumbers: true, maxCellWidth: 4)
            .render(into: &surface, area: Panel.inner(layout.heatmap).inset(horizontal: 1, vertical: 0), theme: theme)

        KeyHintLine([KeyHint("q", "quit")]).render(into: &surface, area: layout.hints, theme: theme)
    }

    /// A noisy rising curve: −100 + 92·(1 − e^(−i/150)) plus a deterministic wiggle.
    static func fakeReturn(_ episode: Int) -> Double {
        let i = Double(episode)
        return -100 + 92 * (1 - exp(-i / 150)) + 14 * sin(1.9 * i) * cos(0.37 * i)
    }

    /// A 4 × 12 cliff: minus the Manhattan distance to the goal in the bottom-right corner, the cliff cells
    /// as walls, arrows along the path around the cliff.
    static func fakeCliffValues() -> (values: [[Double?]], arrows: [[Arrow?]]) {
        let cells = (0..<4).map { row in
            (0..<12).map { column -> (Double?, Arrow?) in
                if row == 3, (1...10).contains(column) { return (nil, nil) }
                let arrow: Arrow = row == 3 && column == 0 ? .up : (column < 11 ? .right : .down)
                return (-Double(3 - row + 11 - column), row == 3 && column == 11 ? nil : arrow)
            }
        }
        return (cells.map { $0.map(\.0) }, cells.map { $0.map(\.1) })
    }
}
