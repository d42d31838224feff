/// The characters widgets draw with, for one charset: each Unicode glyph has an ASCII stand-in, so the
/// same widget code draws either (box drawing ↔ `+-|`, braille ↔ per-series ASCII marks, shade blocks
/// ░▒▓█ ↔ the nine-step ramp `.:-=+*#%@`, arrows ↑→↓← ↔ `^>v<`). Every glyph is one terminal column wide.
public struct Glyphs: Hashable, Sendable {
    public let charset: Charset
    public let horizontal: Character
    public let vertical: Character
    public let topLeft: Character
    public let topRight: Character
    public let bottomLeft: Character
    public let bottomRight: Character
    /// Shades from light to dark, for values when there is no colour (4 in Unicode, 9 in ASCII, whose
    /// characters get visibly denser one by one).
    public let shades: [Character]
    /// The vertical line a plot marker (e.g. an algorithm switch) is drawn with.
    public let marker: Character
    /// What stands for text cut short.
    public let ellipsis: String
    /// Between the parts of a status line.
    public let separator: String
    /// The multiplication sign in sizes such as 80×24.
    public let times: Character
    /// Greek letters of hyperparameters in labels, spelled out in ASCII.
    public let epsilon: String
    public let gamma: String
    /// The agent on a map, and the cells of its recent path.
    public let agent: Character
    public let trail: Character
    private let arrows: [Character]
    /// Map cells in `GridTile.allCases` order.
    private let tiles: [Character]

    public init(charset: Charset) {
        self.charset = charset
        switch charset {
        case .unicode:
            (horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight) = ("─", "│", "┌", "┐", "└", "┘")
            shades = ["░", "▒", "▓", "█"]
            marker = "│"
            ellipsis = "…"
            separator = " · "
            times = "×"
            (epsilon, gamma) = ("ε", "γ")
            (agent, trail) = ("●", "•")
            arrows = ["↑", "→", "↓", "←"]
            tiles = ["·", "█", "○", "▒", "G", "S"]
        case .ascii:
            (horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight) = ("-", "|", "+", "+", "+", "+")
            shades = [".", ":", "-", "=", "+", "*", "#", "%", "@"]
            marker = "|"
            ellipsis = "..."
            separator = " | "
            times = "x"
            (epsilon, gamma) = ("epsilon", "gamma")
            (agent, trail) = ("@", "o")
            arrows = ["^", ">", "v", "<"]
            // The letters of the map file format, so the screen reads like the file.
            tiles = [".", "#", "H", "C", "G", "S"]
        }
    }

    public func arrow(_ arrow: Arrow) -> Character {
        switch arrow {
        case .up: arrows[0]
        case .right: arrows[1]
        case .down: arrows[2]
        case .left: arrows[3]
        }
    }

    /// The glyph of a map cell: the map file's letters in ASCII; shade blocks and a ring in Unicode.
    public func tile(_ tile: GridTile) -> Character {
        tiles[GridTile.allCases.firstIndex(of: tile) ?? 0]
    }

    /// The braille character with the given dots raised (bit i is dot i + 1 of the Unicode braille
    /// pattern: dots 1–3 and 7 are the left column top to bottom, 4–6 and 8 the right one).
    public static func braille(_ dots: UInt8) -> Character {
        Character(Unicode.Scalar(0x2800 + UInt32(dots))!)
    }

    /// Text from outside the glyph table (names, explain lines) as this charset can show it: unchanged in
    /// Unicode, `ASCIIText.transliterate`d in ASCII.
    public func text(_ text: String) -> String {
        charset == .unicode ? text : ASCIIText.transliterate(text)
    }

    /// `text` cut to at most `width` characters, ending in the ellipsis when it had to be cut.
    public func truncate(_ text: String, to width: Int) -> String {
        guard text.count > width else { return text }
        guard width > ellipsis.count else { return String(text.prefix(max(width, 0))) }
        return String(text.prefix(width - ellipsis.count)) + ellipsis
    }
}
