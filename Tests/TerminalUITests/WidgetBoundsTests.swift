import Testing
import TerminalUI

@Suite("Every widget draws only inside the rect it is given")
struct WidgetBoundsTests {
    static let sentinel = Cell("~")

    static var widgets: [(String, any Widget)] {
        let cliff = DashboardSamples.cliff
        var widgets: [(String, any Widget)] = [
            ("cartpole", CartPoleView(position: 2, angle: 1.3)),
            ("cartpole fallen", CartPoleView(position: -5, angle: -3)),
            ("bitflip", BitFlipView(bits: Array(repeating: true, count: 40), goal: Array(repeating: false, count: 40))),
            ("chain", ChainView(states: 50, position: 49)),
            ("segments", SegmentedReturnPlot(segments: cliff.returnSegments, averageWindow: 5)),
            ("loss", LossPlot(losses: cliff.losses, tdErrors: cliff.tdErrors)),
            ("hyperparameters", HyperparameterPanel(rows: DashboardSamples.hyperparameters, selected: 8, flashed: 8,
                                                    algorithm: "A-very-long-algorithm-name")),
            ("explain", ExplainPanel(lines: cliff.explanation)),
            ("help", HelpOverlay()),
            ("legend", ColorScaleLegend(range: -100...100)),
            ("slice", SliceHeatmap(values: [[1, 2], [3, 4]], horizontalRange: -1...1, verticalRange: -1...1,
                                    state: (horizontal: 1, vertical: -1))),
            ("marked heatmap", Heatmap(values: [[1, 2, 3]], arrows: [[.up, .down, .left]], showNumbers: true,
                                       marked: GridPosition(row: 0, column: 2))),
        ]
        if case .grid(let heatmap) = cliff.values { widgets.append(("heatmap", heatmap)) }
        return widgets
    }

    @Test("cells outside the area keep what was there, at many area sizes, in every theme")
    func staysInside() {
        let areas = [Rect(x: 5, y: 3, width: 30, height: 10), Rect(x: 2, y: 2, width: 1, height: 1),
                     Rect(x: 4, y: 4, width: 3, height: 2), Rect(x: 6, y: 1, width: 12, height: 4),
                     Rect(x: 1, y: 1, width: 0, height: 0), Rect(x: 3, y: 2, width: 60, height: 3)]
        for (name, widget) in Self.widgets {
            for theme in [Rendering.unicodeMono, Rendering.asciiMono, Rendering.unicode256, Rendering.unicode8] {
                for area in areas {
                    var surface = MemorySurface(width: 70, height: 16)
                    surface.fill(surface.bounds, with: Self.sentinel)
                    widget.render(into: &surface, area: area, theme: theme)
                    let escaped = (0..<surface.height).flatMap { y in (0..<surface.width).map { (x: $0, y: y) } }
                        .filter { !area.contains(x: $0.x, y: $0.y) && surface.cell(x: $0.x, y: $0.y) != Self.sentinel }
                    #expect(escaped.isEmpty, "\(name) in \(area), \(theme.charset) \(theme.colorMode): \(escaped.prefix(3))")
                }
            }
        }
    }
}
