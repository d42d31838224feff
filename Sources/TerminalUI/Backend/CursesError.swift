/// Why the terminal could not be used.
public enum CursesError: Error, CustomStringConvertible {
    case cannotOpen(term: String)
    /// The terminal cannot move its cursor (e.g. TERM=dumb), so no screen of panels can be drawn on it.
    case cannotAddressCursor(term: String)

    public var description: String {
        switch self {
        case .cannotOpen(let term):
            "cannot open the terminal (TERM=\(term)); run rlterm in a terminal (see 'rlterm --help' for the headless commands)"
        case .cannotAddressCursor(let term):
            "the terminal (TERM=\(term)) cannot move its cursor, so the UI cannot be drawn; use a terminal such as "
                + "xterm or vt100, or 'rlterm train' for headless runs"
        }
    }
}
