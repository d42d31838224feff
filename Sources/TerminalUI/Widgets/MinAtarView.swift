/// A MinAtar board: 10 × 10 cells, two columns each so a cell is about square, every cell drawn in the
/// style of the highest channel set in it (as MinAtar's own display colours it, so a ball over its trail shows
/// as the ball); with the agent's value of each action as bars to its right, and under it a legend naming
/// the channels.
///
/// With colour a channel is a colour (a block in that colour); without, each channel has its own pair of
/// characters, so mono and ASCII screens tell the channels apart too.
public struct MinAtarView: Widget, Sendable {
    public static let side = 10
    /// Columns the board takes: two per cell.
    public static let boardWidth = 2 * side
    /// The fewest columns beside the board worth drawing bars in (a short name and a bar).
    public static let minimumBarsWidth = 8

    /// The highest channel set in each cell, row-major from the top-left, nil where none is.
    public var cells: [Int?]
    /// The channels' names, in the observation's order.
    public var channelNames: [String]
    /// The bars beside the board; nil draws none.
    public var actions: ActionBars?

    public init(cells: [Int?], channelNames: [String], actions: ActionBars? = nil) {
        self.cells = cells
        self.channelNames = channelNames
        self.actions = actions
    }

    /// The rows the board and its legend take in a `width`-column area.
    public func height(width: Int) -> Int {
        Self.side + legendLines(width: width).count
    }

    public func render<S: Surface>(into surface: inout S, area: Rect, theme: Theme) {
        for row in 0..<Self.side {
            for column in 0..<Self.side {
                let channel = cells[safe: row * Self.side + column] ?? nil
                let (text, style) = channel.map { Self.cell(channel: $0, theme: theme) }
                    ?? (theme.charset == .unicode ? " ·" : " .", theme.labelStyle.with(.dim))
                surface.put(text, x: area.x + 2 * column, y: area.y + row, style: style, clip: area)
            }
        }
        for (line, entries) in legendLines(width: area.width).enumerated() {
            let y = area.y + Self.side + line
            for (channel, x) in entries {
                let (swatch, style) = Self.cell(channel: channel, theme: theme)
                surface.put(swatch, x: area.x + x, y: y, style: style, clip: area)
                surface.put(" " + theme.glyphs.text(channelNames[channel]), x: area.x + x + swatch.count, y: y,
                            style: theme.labelStyle, clip: area)
            }
        }
        let barsArea = Rect(x: area.x + Self.boardWidth + 1, y: area.y,
                            width: area.width - Self.boardWidth - 1, height: min(area.height, Self.side))
        if let actions, barsArea.width >= Self.minimumBarsWidth {
            actions.render(into: &surface, area: barsArea, theme: theme)
        }
    }

    /// The legend's entries line by line, each a channel and its column: a swatch and the name, two spaces
    /// apart, as many to a line as fit.
    func legendLines(width: Int) -> [[(channel: Int, x: Int)]] {
        var lines: [[(channel: Int, x: Int)]] = []
        var line: [(channel: Int, x: Int)] = []
        var x = 0
        for (channel, name) in channelNames.enumerated() {
            let entryWidth = 3 + name.count
            if !line.isEmpty, x + 2 + entryWidth > width {
                lines.append(line)
                (line, x) = ([], 0)
            }
            if !line.isEmpty { x += 2 }
            line.append((channel, x))
            x += entryWidth
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// The two characters and the style of a cell whose highest channel is `channel`: a block in the
    /// channel's colour, or without colour the channel's own pair of characters (none of them a dot, which
    /// marks the empty cells they stand among).
    public static func cell(channel: Int, theme: Theme) -> (text: String, style: Style) {
        let unicode = theme.charset == .unicode
        switch theme.colorMode {
        case .none:
            let pairs = unicode ? ["██", "()", "░░", "▓▓", "[]", "<>", "==", "++", "%%", "@@"]
                : ["##", "()", "~~", "[]", "<>", "**", "==", "++", "%%", "@@"]
            return (pairs[channel % pairs.count], channel == 0 ? .bold : .plain)
        case .indexed256:
            // Cyan, yellow, grey (the trails of Breakout and Asterix are channel 2), red, green, magenta,
            // blue, orange, white, violet: far apart on the cube.
            let palette: [UInt8] = [51, 226, 244, 196, 46, 201, 33, 208, 255, 135]
            return (unicode ? "██" : "##", Style(foreground: .indexed(palette[channel % palette.count])))
        case .eight:
            // The seven colours that show on black, grey-as-dim-white for channel 2; past seven, bold ones again.
            let palette: [(Color, TextAttributes)] = [
                (.cyan, []), (.yellow, []), (.white, .dim), (.red, []), (.green, []), (.magenta, []), (.blue, []),
                (.cyan, .bold), (.yellow, .bold), (.red, .bold),
            ]
            let (color, attributes) = palette[channel % palette.count]
            return (unicode ? "██" : "##", Style(foreground: color, attributes: attributes))
        }
    }
}

/// The agent's value of each action in one state, as a bar per action under a title: Q-values scaled from
/// the smallest (no bar) to the largest (a full bar), with their spread underneath so equal-looking bars are
/// not mistaken for equal values; probabilities scaled from 0 to 1. The best action is bold. The numbers
/// themselves are the value panel's (`ActionValueList`), so no figure is on screen twice. A note takes the
/// bars' place when there are no values to show.
public struct ActionBars: Widget, Equatable, Sendable {
    public var title: String
    public var names: [String]
    /// One per name; empty with a note.
    public var values: [Double]
    public var isProbability: Bool
    /// Why there are no bars (e.g. the values are of another frame).
    public var note: String?

    public init(title: String, names: [String], values: [Double], isProbability: Bool = false, note: String? = nil) {
        self.title = title
        self.names = names
        self.values = values
        self.isProbability = isProbability
        self.note = note
    }

    /// The bars' lengths as fractions of the full width.
    public var fractions: [Double] {
        if isProbability { return values.map { min(max($0, 0), 1) } }
        guard let low = values.min(), let high = values.max(), high > low else { return values.map { _ in 1 } }
        return values.map { ($0 - low) / (high - low) }
    }

    public func render<S: Surface>(into surface: inout S, area: Rect, theme: Theme) {
        let glyphs = theme.glyphs
        surface.put(glyphs.truncate(glyphs.text(title), to: area.width), x: area.x, y: area.y, style: theme.titleStyle,
                    clip: area)
        if let note {
            TextBlock([glyphs.text(note)], style: theme.labelStyle)
                .render(into: &surface, area: Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1),
                        theme: theme)
            return
        }
        guard !values.isEmpty, values.allSatisfy(\.isFinite) else {
            surface.put(glyphs.truncate("none yet", to: area.width), x: area.x, y: area.y + 1, style: theme.labelStyle,
                        clip: area)
            return
        }
        let nameWidth = min(names.map(\.count).max() ?? 0, area.width - 3)
        let barWidth = area.width - nameWidth - 1
        let best = values.indices.max { values[$0] < values[$1] }
        let barStyle = theme.colorMode == .none ? Style.plain : Style(foreground: theme.seriesColor(0))
        for (index, fraction) in fractions.enumerated() {
            let y = area.y + 1 + index
            let isBest = index == best
            let name = String(names[safe: index]?.prefix(nameWidth) ?? "")
            surface.put(name, x: area.x, y: y, style: isBest ? theme.titleStyle : theme.labelStyle, clip: area)
            let bar = Self.bar(fraction, width: barWidth, charset: theme.charset)
            surface.put(bar, x: area.x + nameWidth + 1, y: y, style: isBest ? barStyle.with(.bold) : barStyle, clip: area)
        }
        if !isProbability, let low = values.min(), let high = values.max() {
            let spread = glyphs.truncate("spread \(ValueLabel.compact(high - low))", to: area.width)
            surface.put(spread, x: area.x, y: area.y + 1 + values.count, style: theme.labelStyle, clip: area)
        }
    }

    /// A bar `fraction` of `width` columns long: whole blocks then an eighth block for the rest in Unicode,
    /// whole `#`s rounded in ASCII.
    static func bar(_ fraction: Double, width: Int, charset: Charset) -> String {
        guard width > 0 else { return "" }
        switch charset {
        case .unicode:
            let eighths = Int((fraction * Double(width * 8)).rounded())
            let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]
            return String(repeating: "█", count: eighths / 8) + partial
        case .ascii:
            return String(repeating: "#", count: Int((fraction * Double(width)).rounded()))
        }
    }
}
