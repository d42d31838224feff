import Foundation

/// The main screen of the terminal UI: draws a `DashboardViewModel` into a surface per `DashboardLayout`
/// — status line, environment, plot (returns or loss), values or explain, hyperparameters, key hints or
/// the message, and the help overlay on top when asked for. Below 80×24 only `TooSmallNotice`.
///
/// A frame is one call: fill the model, make a `MemorySurface` of the window's size, `render(into:theme:)`,
/// and hand the surface to `CursesSurface.present` (which writes only the cells that changed).
public struct DashboardScreen {
    public var model: DashboardViewModel
    public var keyMap: KeyMap

    public init(model: DashboardViewModel, keyMap: KeyMap = .standard) {
        self.model = model
        self.keyMap = keyMap
    }

    /// `value` with thousands separated by commas, e.g. 12,345.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        let groups = stride(from: digits.count, to: 0, by: -3).reversed().map { end in
            digits.dropFirst(max(end - 3, 0)).prefix(end - max(end - 3, 0))
        }
        return (value < 0 ? "-" : "") + groups.joined(separator: ",")
    }

    /// A rate for the status line: one decimal below 10, none below 1000, then thousands (8.2k) and
    /// millions (1.3M) with one decimal.
    public static func rate(_ value: Double) -> String {
        guard value.isFinite, value >= 0 else { return "-" }
        if value < 9.95 { return String(format: "%.1f", value) }
        if value < 999.5 { return String(format: "%.0f", value) }
        if value < 999_950 { return String(format: "%.1fk", value / 1_000) }
        return String(format: "%.1fM", value / 1_000_000)
    }

    /// The status line for a `width`-column row: what runs on the left, the live counters on the right, the
    /// pace among them when it fits without cutting the left side. When narrow, the program's name goes first,
    /// so the run state (training, paused, failed) at the left side's end stays whole as long as it can.
    public func status(width: Int, glyphs: Glyphs) -> StatusLine {
        let separator = glyphs.separator
        let run = [glyphs.text(model.environmentName), glyphs.text(model.algorithmName)]
            + (model.seed.map { ["seed \($0)"] } ?? []) + [model.runState.label(charset: glyphs.charset)]
            + (model.sharing.map { [glyphs.text($0)] } ?? [])
        let counters = ["step \(Self.grouped(model.step))", "ep \(Self.grouped(model.episode))",
                        "\(Self.rate(model.stepsPerSecond)) steps/s"].joined(separator: separator)
        let withPace = counters + separator + "pace \(glyphs.text(model.pace))"
        func fits(_ left: String, _ right: String) -> Bool { left.count + right.count + 3 <= width }
        let named = (["rlterm"] + run).joined(separator: separator)
        let left = fits(named, counters) ? named : run.joined(separator: separator)
        return StatusLine(left: left, right: fits(left, withPace) ? withPace : counters, style: .bold)
    }

    /// The key hints for a `width`-column row: the essential keys, with `p plot` and `x explain` added
    /// when everything fits.
    public func hints(width: Int, glyphs: Glyphs) -> [KeyHint] {
        func hint(_ action: UIAction, _ text: String) -> KeyHint? {
            keyMap.keyLabel(for: action, glyphs: glyphs).map { KeyHint($0, text) }
        }
        let essential: [KeyHint?] = [
            hint(.togglePause, model.runState == .paused || model.runState == .failed ? "run" : "pause"),
            hint(.stepOnce, "step"),
            hint(.finishEpisode, "episode"), hint(.nextAlgorithm, "algo"), hint(.nextEnvironment, "env"),
            hint(.cycleHeatmapView, "view"),
        ]
        let extra: [KeyHint?] = [hint(.cyclePlotView, "plot"), hint(.toggleExplain, "explain")]
        let closing: [KeyHint?] = [hint(.toggleHelp, "help"), hint(.quit, "quit")]
        let full = (essential + extra + closing).compactMap(\.self)
        let length = full.map { $0.key.count + 1 + $0.action.count }.reduce(0, +) + 2 * (full.count - 1) + 1
        return length <= width ? full : (essential + closing).compactMap(\.self)
    }

    public func render<S: Surface>(into surface: inout S, theme: Theme) {
        // The environment panel's width does not depend on its height, so the scene can say the rows it needs
        // at that width before the panels are placed.
        let sceneWidth = ScreenLayout(width: surface.width, height: surface.height).map {
            Self.sceneArea(in: $0.environment).width
        }
        guard let layout = DashboardLayout(width: surface.width, height: surface.height, showExplain: model.showExplain,
                                           hyperparameterCount: model.hyperparameters.count,
                                           environmentRows: sceneWidth.flatMap(model.scene.requiredHeight),
                                           showsFeatureMaps: model.featureMaps != nil) else {
            TooSmallNotice().render(into: &surface, area: surface.bounds, theme: theme)
            return
        }
        let glyphs = theme.glyphs
        status(width: layout.status.width, glyphs: glyphs).render(into: &surface, area: layout.status, theme: theme)

        Panel(title: "Environment", trailingTitle: glyphs.text(model.sceneCaption))
            .render(into: &surface, area: layout.environment, theme: theme)
        model.scene.widget.render(into: &surface, area: Self.sceneArea(in: layout.environment), theme: theme)

        if let area = layout.values { renderValues(into: &surface, area: area, theme: theme) }
        if let area = layout.features, let maps = model.featureMaps {
            renderFeatureMaps(maps, into: &surface, area: area, theme: theme)
        } else {
            renderPlot(into: &surface, area: layout.plot, theme: theme)
            HyperparameterPanel(rows: model.hyperparameters, selected: model.selectedHyperparameter,
                                flashed: model.flashedHyperparameter, algorithm: model.algorithmName, network: model.network)
                .render(into: &surface, area: layout.parameters, theme: theme)
        }
        if let area = layout.explain {
            ExplainPanel(title: "Explain: last update", lines: model.explanation).render(into: &surface, area: area, theme: theme)
        }

        if let message = model.message {
            renderMessage(glyphs.text(message), into: &surface, above: layout.hints, glyphs: glyphs)
        } else {
            KeyHintLine(hints(width: layout.hints.width, glyphs: glyphs)).render(into: &surface, area: layout.hints, theme: theme)
        }
        if model.showHelp {
            HelpOverlay(keyMap: keyMap).render(into: &surface, area: layout.body, theme: theme)
        }
    }

    /// Where the scene is drawn in the environment panel: inside the border, a column in from each side.
    static func sceneArea(in panel: Rect) -> Rect {
        Panel.inner(panel).inset(horizontal: 1, vertical: 0)
    }

    /// The most rows a message takes: a long one (the command that reruns a segment) wraps upwards over the
    /// bottom of the panels, and a longer one is cut.
    public static let messageRows = 3

    /// `message` on the key-hint row, wrapped at spaces upwards over the rows above it when it is longer.
    private func renderMessage<S: Surface>(_ message: String, into surface: inout S, above hints: Rect,
                                           glyphs: Glyphs) {
        let width = hints.width - 2
        var lines = TextBlock.wrap(message, width: width)
        if lines.count > Self.messageRows {
            lines = Array(lines.prefix(Self.messageRows - 1))
                + [glyphs.truncate(lines.dropFirst(Self.messageRows - 1).joined(separator: " "), to: width)]
        }
        let top = max(hints.y - lines.count + 1, 0)
        for (index, line) in lines.enumerated() where top + index <= hints.y {
            let row = Rect(x: hints.x, y: top + index, width: hints.width, height: 1)
            surface.fill(row)
            surface.put(" " + line, x: row.x, y: row.y, style: .bold, clip: row)
        }
    }

    private func renderPlot<S: Surface>(into surface: inout S, area: Rect, theme: Theme) {
        let inner = Panel.inner(area).inset(horizontal: 1, vertical: 0)
        switch model.plotView {
        case .returns:
            let plot = SegmentedReturnPlot(segments: model.returnSegments, averageWindow: model.averageWindow)
            Panel(title: "Episode return",
                  trailingTitle: plot.currentAverage.map { "avg\(model.averageWindow) \(ValueLabel.compact($0))" } ?? "")
                .render(into: &surface, area: area, theme: theme)
            plot.render(into: &surface, area: inner, theme: theme)
        case .loss:
            Panel(title: "Loss", trailingTitle: model.losses.last.map { "last \(ValueLabel.magnitude($0))" } ?? "")
                .render(into: &surface, area: area, theme: theme)
            LossPlot(losses: model.losses, tdErrors: model.tdErrors).render(into: &surface, area: inner, theme: theme)
        }
    }

    private func renderFeatureMaps<S: Surface>(_ maps: FeatureMapGrid, into surface: inout S, area: Rect, theme: Theme) {
        let key = keyMap.keyLabel(for: .cycleHeatmapView, glyphs: theme.glyphs)
        Panel(title: theme.glyphs.text(maps.title), trailingTitle: key.map { "\($0) view" } ?? "")
            .render(into: &surface, area: area, theme: theme)
        maps.render(into: &surface, area: Panel.inner(area).inset(horizontal: 1, vertical: 0), theme: theme)
    }

    private func renderValues<S: Surface>(into surface: inout S, area: Rect, theme: Theme) {
        let key = keyMap.keyLabel(for: .cycleHeatmapView, glyphs: theme.glyphs)
        Panel(title: model.heatmapMode.label(glyphs: theme.glyphs), trailingTitle: key.map { "\($0) view" } ?? "")
            .render(into: &surface, area: area, theme: theme)
        let inner = Panel.inner(area).inset(horizontal: 1, vertical: 0)
        switch model.values {
        case .grid(var heatmap):
            // Without colour the shades have only a few levels; numbers, where every cell has room, say more.
            if theme.ramp == nil { heatmap.showNumbers = true }
            heatmap.render(into: &surface, area: inner, theme: theme)
        case .slice(let slice): slice.render(into: &surface, area: inner, theme: theme)
        case .actions(let list): list.render(into: &surface, area: inner, theme: theme)
        case .unavailable(let reason):
            TextBlock([theme.glyphs.text(reason)], style: theme.labelStyle).render(into: &surface, area: inner, theme: theme)
        }
    }
}
