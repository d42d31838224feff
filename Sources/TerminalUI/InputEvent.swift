/// One thing the terminal reported.
public enum InputEvent: Equatable, Sendable {
    /// A typed character (Unicode scalar value; control keys included, e.g. 3 for Ctrl-C).
    case character(UInt32)
    /// A curses function key (arrows, F-keys), by its curses code.
    case functionKey(Int32)
    /// The window changed size.
    case resize
}
