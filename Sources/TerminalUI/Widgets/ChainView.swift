/// The Blind Cliffwalk chain (Schaul et al. 2016, prioritized replay): n states in a row, the agent on
/// one of them, the rewarding last state at the right end. In every state one action moves right and
/// the other ends the episode, so the picture is the row and where the agent stands on it, drawn like a
/// one-row gridworld map (with its windowing when n is large), plus a line saying which state it is.
public struct ChainView: Widget {
    /// The number of states n, and the agent's state (0 ..< n; nil when there is none).
    public var states: Int
    public var position: Int?

    public init(states: Int, position: Int?) {
        self.states = states
        self.position = position
    }

    public func render<S: Surface>(into surface: inout S, area: Rect, theme: Theme) {
        guard states > 0, !area.isEmpty else { return }
        let row: [GridTile] = (0..<states).map { $0 == 0 ? .start : ($0 == states - 1 ? .goal : .empty) }
        let (map, caption) = area.splitRows(.last(area.height >= 2 ? 1 : 0))
        GridView(tiles: [row], agent: position.map { GridPosition(row: 0, column: $0) }, showLegend: false)
            .render(into: &surface, area: map, theme: theme)
        let through = theme.charset == .unicode ? "…" : ".."
        let text = position.map { "state \($0) of 0\(through)\(states - 1)" } ?? "\(states) states"
        surface.put(text, x: caption.x + max((caption.width - text.count) / 2, 0), y: caption.y,
                    style: theme.labelStyle, clip: caption)
    }
}
