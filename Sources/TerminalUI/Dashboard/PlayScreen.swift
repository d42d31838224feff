/// The screen of `rlterm play`: a MinAtar game drawn as the dashboard draws it, for a person at the keys,
/// with the score, the episode, the player's best and (given a run) the agent's best beside the board, the
/// keys under them, and a line at the bottom when the game is over or paused. Below `minimumWidth` ×
/// `minimumHeight` only `TooSmallNotice`.
public struct PlayScreen {
    public static let minimumWidth = 60
    public static let minimumHeight = 18
    /// Columns of the panel beside the board.
    static let sideWidth = 34

    public var gameName: String
    public var board: MinAtarView
    public var score: Double
    /// The episode being played, from 1.
    public var episode: Int
    /// The best score of the episodes finished so far, nil before the first ends.
    public var best: Double?
    /// The agent's best training episode and where it was read (`--run DIR`), nil when no run was given.
    public var agentBest: (score: Double, source: String)?
    /// Game frames per second.
    public var framesPerSecond: Int
    /// Over the key hints: the game is over, or paused, and what to press.
    public var message: String?

    public init(gameName: String, board: MinAtarView, score: Double, episode: Int, best: Double? = nil,
                agentBest: (score: Double, source: String)? = nil, framesPerSecond: Int, message: String? = nil) {
        self.gameName = gameName
        self.board = board
        self.score = score
        self.episode = episode
        self.best = best
        self.agentBest = agentBest
        self.framesPerSecond = framesPerSecond
        self.message = message
    }

    /// A score as a whole number when it is one (MinAtar's rewards are), else compactly.
    public static func score(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e9 ? String(Int(value)) : ValueLabel.compact(value)
    }

    /// The lines beside the board: the counters, then the keys.
    func sideLines(glyphs: Glyphs) -> [(text: String, style: Style)] {
        let number = Self.score
        var lines: [(String, Style)] = [
            ("score        \(number(score))", .bold),
            ("episode      \(episode)", .plain),
            ("your best    \(best.map(number) ?? "–")", .plain),
        ]
        if let agentBest {
            lines.append(("agent's best \(number(agentBest.score))", .plain))
            lines.append(("  (\(agentBest.source))", .plain))
        }
        let arrows = [Arrow.left, .right, .up, .down].map { String(glyphs.arrow($0)) }.joined(separator: " ")
        lines += [("", .plain), ("\(arrows)  move", .plain), ("space    fire", .plain),
                  ("p        pause", .plain), ("q        quit", .plain)]
        return lines.map { (glyphs.truncate(glyphs.text($0.0), to: Self.sideWidth), $0.1) }
    }

    public func render<S: Surface>(into surface: inout S, theme: Theme) {
        guard surface.width >= Self.minimumWidth, surface.height >= Self.minimumHeight else {
            TooSmallNotice(minimumWidth: Self.minimumWidth, minimumHeight: Self.minimumHeight)
                .render(into: &surface, area: surface.bounds, theme: theme)
            return
        }
        let glyphs = theme.glyphs
        let status = StatusLine(left: ["rlterm play", gameName].joined(separator: glyphs.separator),
                                right: "\(framesPerSecond) frames/s", style: .bold)
        status.render(into: &surface, area: Rect(x: 0, y: 0, width: surface.width, height: 1), theme: theme)

        // The board's legend runs under the side panel too, which is only as tall as the board.
        let boardArea = Rect(x: 2, y: 2, width: surface.width - 4, height: surface.height - 3)
        board.render(into: &surface, area: boardArea, theme: theme)
        let side = Rect(x: 2 + MinAtarView.boardWidth + 3, y: 2, width: Self.sideWidth, height: MinAtarView.side)
        for (index, line) in sideLines(glyphs: glyphs).prefix(side.height).enumerated() {
            surface.put(line.text, x: side.x, y: side.y + index, style: index == 0 ? theme.titleStyle : line.style,
                        clip: side)
        }
        if let message {
            let row = Rect(x: 0, y: surface.height - 1, width: surface.width, height: 1)
            surface.put(" " + glyphs.truncate(glyphs.text(message), to: row.width - 2), x: 0, y: row.y, style: .bold,
                        clip: row)
        }
    }
}
