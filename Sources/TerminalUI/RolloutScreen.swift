import Foundation

/// The screen `rlterm watch` draws until the training engine exists: a fixed policy acting on a gridworld
/// map, with the exact values it was derived from. Every number comes from the caller (real value
/// iteration, a real rollout); this type only lays them out.
///
/// Status line on top, then the map (`GridView`) over the value heatmap on the left, the plot of finished
/// episodes' returns with their moving average over a panel saying what is shown on the right, key hints
/// at the bottom; below 80×24 only `TooSmallNotice`.
public struct RolloutScreen {
    /// The map's display name and size, e.g. ("Cliff Walking", 4, 12).
    public var mapName: String
    public var mapRows: Int
    public var mapColumns: Int
    /// The exploration rate ε of the ε-greedy policy and the discount γ the values were solved for.
    public var epsilon: Double
    public var gamma: Double
    public var isPaused: Bool
    /// Environment steps so far and the number of the episode under way.
    public var step: Int
    public var episode: Int
    /// The measured step rate, and the pace the user set with + and −.
    public var stepsPerSecond: Double
    public var pace: Int
    /// The map with the agent and its path.
    public var grid: GridView
    /// The return so far of the episode under way.
    public var episodeReturn: Double
    /// The return of each finished episode.
    public var returns: [Double]
    /// V* = max_a Q*(s,a) per cell with the greedy arrows.
    public var values: Heatmap

    /// Episodes in the plot's moving average.
    public static let averageWindow = 20

    public init(mapName: String, mapRows: Int, mapColumns: Int, epsilon: Double, gamma: Double, isPaused: Bool,
                step: Int, episode: Int, stepsPerSecond: Double, pace: Int, grid: GridView, episodeReturn: Double,
                returns: [Double], values: Heatmap) {
        self.mapName = mapName
        self.mapRows = mapRows
        self.mapColumns = mapColumns
        self.epsilon = epsilon
        self.gamma = gamma
        self.isPaused = isPaused
        self.step = step
        self.episode = episode
        self.stepsPerSecond = stepsPerSecond
        self.pace = pace
        self.grid = grid
        self.episodeReturn = episodeReturn
        self.returns = returns
        self.values = values
    }

    /// The status line's two texts: what is shown on the left (cut first when narrow), the live state on
    /// the right.
    public func status(glyphs: Glyphs) -> StatusLine {
        let rate = stepsPerSecond < 9.95 ? String(format: "%.1f", stepsPerSecond) : String(format: "%.0f", stepsPerSecond)
        let separator = glyphs.separator
        return StatusLine(
            left: ["rlterm", mapName, "value-iteration policy, \(glyphs.epsilon) = \(epsilon)"].joined(separator: separator),
            right: [isPaused ? "paused" : "running", "step \(step)", "ep \(episode)", "\(rate) steps/s"]
                .joined(separator: separator),
            style: .bold)
    }

    /// What the panel beside the values says about them (the screen's honest caption).
    public func caption(glyphs: Glyphs) -> [String] {
        ["Heatmap and arrows: the exact optimal values V* and greedy policy, from value iteration on the map's "
            + "transition table.",
         "The agent follows that policy \(glyphs.epsilon)-greedily (\(glyphs.epsilon) = \(epsilon)); the plot shows "
            + "the returns of its finished episodes.",
         "Learning agents arrive with the training engine."]
    }

    public var hints: [KeyHint] {
        [KeyHint("space", isPaused ? "run" : "pause"), KeyHint(".", "step"), KeyHint("+ -", "pace \(pace)/s"),
         KeyHint("q", "quit")]
    }

    public func render<S: Surface>(into surface: inout S, theme: Theme) {
        guard let layout = ScreenLayout(width: surface.width, height: surface.height) else {
            TooSmallNotice().render(into: &surface, area: surface.bounds, theme: theme)
            return
        }
        let glyphs = theme.glyphs
        status(glyphs: glyphs).render(into: &surface, area: layout.status, theme: theme)

        Panel(title: "Environment",
              trailingTitle: "\(mapRows)\(glyphs.times)\(mapColumns)\(glyphs.separator)return \(ValueLabel.compact(episodeReturn))")
            .render(into: &surface, area: layout.environment, theme: theme)
        grid.render(into: &surface, area: Panel.inner(layout.environment), theme: theme)

        let average = PlotSeries.movingAverage(returns, window: Self.averageWindow)
        Panel(title: "Episode return",
              trailingTitle: average.last.map { "avg\(Self.averageWindow) \(ValueLabel.compact($0))" } ?? "")
            .render(into: &surface, area: layout.plot, theme: theme)
        let plotArea = Panel.inner(layout.plot).inset(horizontal: 1, vertical: 0)
        if returns.isEmpty {
            TextBlock(["No episode has finished yet."], style: theme.labelStyle).render(into: &surface, area: plotArea, theme: theme)
        } else {
            BraillePlot(series: [PlotSeries(returns, color: theme.seriesColor(0)),
                                 PlotSeries(average, color: theme.movingAverageColor, asciiMark: ".")],
                        xLabel: "episode", firstX: 1)
                .render(into: &surface, area: plotArea, theme: theme)
        }

        Panel(title: "V* = max_a Q*", trailingTitle: "\(glyphs.gamma) = \(gamma)")
            .render(into: &surface, area: layout.heatmap, theme: theme)
        values.render(into: &surface, area: Panel.inner(layout.heatmap).inset(horizontal: 1, vertical: 0), theme: theme)

        Panel(title: "What this shows").render(into: &surface, area: layout.parameters, theme: theme)
        TextBlock(caption(glyphs: glyphs), style: theme.labelStyle)
            .render(into: &surface, area: Panel.inner(layout.parameters).inset(horizontal: 1, vertical: 0), theme: theme)

        KeyHintLine(hints).render(into: &surface, area: layout.hints, theme: theme)
    }
}
