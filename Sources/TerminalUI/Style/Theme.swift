/// The look for one terminal: its colour mode and charset, and the styles widgets draw with.
///
/// Colours are chosen per mode rather than degraded, so 8-colour terminals get a palette picked for them
/// and colourless ones keep meaning through glyphs (shades, ASCII plot marks) and attributes (bold, dim).
public struct Theme: Hashable, Sendable {
    public let colorMode: ColorMode
    public let glyphs: Glyphs

    public init(colorMode: ColorMode, charset: Charset) {
        self.colorMode = colorMode
        glyphs = Glyphs(charset: charset)
    }

    public var charset: Charset { glyphs.charset }

    /// The heatmap colour scale, or nil when there is no colour (heatmaps then use `glyphs.shades`).
    public var ramp: ColorRamp? {
        switch colorMode {
        case .indexed256: .viridis256
        case .eight: .basic8
        case .none: nil
        }
    }

    /// Colour of the `index`-th plot series (cycling): sky blue, orange, violet, green, coral in 256
    /// colours; cyan, yellow, magenta, green, red in 8.
    public func seriesColor(_ index: Int) -> Color {
        let palette: [UInt8] = switch colorMode {
        case .indexed256: [75, 214, 177, 114, 203]
        case .eight: [6, 3, 5, 2, 1]
        case .none: []
        }
        guard !palette.isEmpty else { return .terminalDefault }
        return .indexed(palette[((index % palette.count) + palette.count) % palette.count])
    }

    /// The moving average is drawn bright over the raw series.
    public var movingAverageColor: Color {
        switch colorMode {
        case .indexed256: .indexed(231)
        case .eight: .white
        case .none: .terminalDefault
        }
    }

    /// Panel borders: quiet grey, dim without colour.
    public var borderStyle: Style { colorMode == .none ? .dim : Style(foreground: muted) }
    /// Panel titles and other headings.
    public var titleStyle: Style { .bold }
    /// Axis labels and secondary text.
    public var labelStyle: Style { colorMode == .none ? .plain : Style(foreground: muted) }
    /// Plot markers where the algorithm or a hyperparameter changed.
    public var markerStyle: Style { colorMode == .none ? .dim : Style(foreground: muted, attributes: .dim) }
    /// Keys in the key-hint line.
    public var keyStyle: Style { colorMode == .none ? .bold : Style(foreground: seriesColor(0), attributes: .bold) }

    /// A map cell: quiet floor and walls, red cliffs, blue holes, a bold green goal, a bold start. Without
    /// colour the glyphs carry the meaning and the goal and start are bold.
    public func tileStyle(_ tile: GridTile) -> Style {
        func colored(_ at256: UInt8, _ at8: Color, _ attributes: TextAttributes = []) -> Style {
            switch colorMode {
            case .indexed256: Style(foreground: .indexed(at256), attributes: attributes)
            case .eight: Style(foreground: at8, attributes: attributes)
            case .none: Style(attributes: attributes)
            }
        }
        return switch tile {
        case .empty, .wall: labelStyle
        case .hole: colored(39, .blue)
        case .cliff: colored(160, .red)
        case .goal: colored(46, .green, .bold)
        case .start: .bold
        }
    }

    /// The agent on a map: bold yellow, or reverse video without colour so it stands out from every glyph.
    public var agentStyle: Style {
        switch colorMode {
        case .indexed256: Style(foreground: .indexed(226), attributes: .bold)
        case .eight: Style(foreground: .yellow, attributes: .bold)
        case .none: Style(attributes: [.bold, .reverse])
        }
    }

    /// The agent's recent path: the first series colour, plain without colour (its glyph marks it).
    public var trailStyle: Style { Style(foreground: seriesColor(0)) }

    private var muted: Color { colorMode == .eight ? .white : .indexed(244) }
}
