/// Why the terminal could not be used.
public enum CursesError: Error, CustomStringConvertible {
    case cannotOpen(term: String)

    public var description: String {
        switch self {
        case .cannotOpen(let term):
            "cannot open the terminal (TERM=\(term)); run rlterm in a terminal (see 'rlterm --help' for the headless commands)"
        }
    }
}
