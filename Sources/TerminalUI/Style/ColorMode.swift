/// How much colour the UI uses: 256 colours when the terminal has them, the 8 basic colours otherwise,
/// none when the user asked for none.
public enum ColorMode: Hashable, Sendable {
    case none
    case eight
    case indexed256

    /// The mode for a terminal reporting `terminalColors` colours (curses' COLORS; 0 when it has none).
    /// `NO_COLOR` set to anything non-empty (no-color.org) or `--mono` (`mono`) turn colour off.
    public static func select(environment: [String: String], mono: Bool, terminalColors: Int) -> ColorMode {
        if mono || !(environment["NO_COLOR"] ?? "").isEmpty { return .none }
        if terminalColors >= 256 { return .indexed256 }
        if terminalColors >= 8 { return .eight }
        return .none
    }
}
