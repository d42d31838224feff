/// A terminal colour: the terminal's own default, or an entry of the xterm 256-colour palette.
///
/// Indices 0–7 are the eight basic colours every colour terminal has (black, red, green, yellow, blue,
/// magenta, cyan, white); 16–231 are the 6×6×6 cube and 232–255 a grey ramp. Widgets pick colours for the
/// active `ColorMode` through `Theme`; `degraded(to:)` is the safety net for anything that slips through.
public enum Color: Hashable, Sendable {
    /// Whatever the terminal uses when no colour is set (keeps the user's background, e.g. transparency).
    case terminalDefault
    /// An xterm palette index.
    case indexed(UInt8)

    public static let black = Color.indexed(0)
    public static let red = Color.indexed(1)
    public static let green = Color.indexed(2)
    public static let yellow = Color.indexed(3)
    public static let blue = Color.indexed(4)
    public static let magenta = Color.indexed(5)
    public static let cyan = Color.indexed(6)
    public static let white = Color.indexed(7)

    /// This colour as the given mode can show it: unchanged in 256 colours, the nearest basic colour (by
    /// squared RGB distance over xterm's palette) in 8 colours, the terminal default without colour.
    public func degraded(to mode: ColorMode) -> Color {
        guard case .indexed(let index) = self else { return self }
        switch mode {
        case .indexed256: return self
        case .none: return .terminalDefault
        case .eight:
            if index < 8 { return self }
            if index < 16 { return .indexed(index - 8) }
            let rgb = Self.rgb(index)
            let nearest = (0..<8).min { Self.distance(Self.rgb(UInt8($0)), rgb) < Self.distance(Self.rgb(UInt8($1)), rgb) }
            return .indexed(UInt8(nearest ?? 7))
        }
    }

    /// xterm's default RGB for a palette index (basic colours as xterm draws them, cube levels
    /// 0, 95, 135, 175, 215, 255, greys 8 + 10·i).
    private static func rgb(_ index: UInt8) -> (Int, Int, Int) {
        let basic = [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
                     (229, 229, 229)]
        let index = Int(index)
        if index < 8 { return basic[index] }
        if index < 16 { return basic[index - 8] }
        if index >= 232 {
            let grey = 8 + 10 * (index - 232)
            return (grey, grey, grey)
        }
        let levels = [0, 95, 135, 175, 215, 255]
        let cube = index - 16
        return (levels[cube / 36], levels[cube / 6 % 6], levels[cube % 6])
    }

    private static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let (dr, dg, db) = (a.0 - b.0, a.1 - b.1, a.2 - b.2)
        return dr * dr + dg * dg + db * db
    }
}
