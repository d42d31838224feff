import CNCurses

/// One thing the terminal reported.
public enum InputEvent: Hashable, Sendable {
    /// A typed character (Unicode scalar value; control keys included, e.g. 3 for Ctrl-C).
    case character(UInt32)
    /// A curses function key (arrows, F-keys), by its curses code.
    case functionKey(Int32)
    /// The window changed size.
    case resize
}

extension InputEvent {
    /// The event an arrow key produces (curses' KEY_UP, KEY_RIGHT, KEY_DOWN, KEY_LEFT), so key tables and
    /// tests need not know curses' numbering.
    public static func arrowKey(_ arrow: Arrow) -> InputEvent {
        switch arrow {
        case .up: .functionKey(Int32(rlterm_key_up()))
        case .right: .functionKey(Int32(rlterm_key_right()))
        case .down: .functionKey(Int32(rlterm_key_down()))
        case .left: .functionKey(Int32(rlterm_key_left()))
        }
    }
}
