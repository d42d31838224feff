import CNCurses
import Foundation

/// The real terminal, through ncursesw: opened once, used from one thread, always closed.
///
/// Opening sets the locale from the environment (so UTF-8 terminals get wide characters), enters raw mode
/// (Ctrl-C arrives as a key, never as a signal that would skip `close()`), hides the cursor and turns on
/// keypad translation; colour is started when the terminal has it, keeping the terminal's default
/// colours available as colour -1. `close()` restores the terminal exactly as it was found.
public final class CursesScreen {
    private var isOpen = false

    public init() {}

    /// Opens the screen; fails with a message when the terminal cannot be driven (e.g. `TERM` unknown).
    public func open() throws {
        precondition(!isOpen, "CursesScreen.open() called twice")
        setlocale(LC_ALL, "")
        guard rlterm_newterm_stdio() != nil else {
            throw CursesError.cannotOpen(term: ProcessInfo.processInfo.environment["TERM"] ?? "(unset)")
        }
        isOpen = true
        guard rlterm_can_address_cursor() else {
            close()
            throw CursesError.cannotAddressCursor(term: ProcessInfo.processInfo.environment["TERM"] ?? "(unset)")
        }
        raw()
        noecho()
        keypad(rlterm_stdscr(), true)
        // Esc alone closes the help overlay; curses waits this long to tell it from the start of an arrow key's
        // sequence (a second by default, which makes Esc feel broken).
        set_escdelay(25)
        curs_set(0)
        wtimeout(rlterm_stdscr(), 100)
        if has_colors() {
            start_color()
            use_default_colors()
        }
    }

    /// Restores the terminal; safe to call more than once.
    public func close() {
        guard isOpen else { return }
        curs_set(1)
        endwin()
        isOpen = false
    }

    deinit {
        close()
    }

    /// The window size in character cells.
    public var size: (rows: Int, columns: Int) {
        (Int(rlterm_getmaxy(rlterm_stdscr())), Int(rlterm_getmaxx(rlterm_stdscr())))
    }

    /// Erases the whole screen buffer (not the terminal itself until `refresh()`).
    public func erase() {
        werase(rlterm_stdscr())
    }

    /// How many colours the terminal offers (curses' COLORS; 0 without colour).
    public var colorCount: Int {
        has_colors() ? Int(rlterm_colors()) : 0
    }

    /// How many colour pairs can be defined (pair 0 is the fixed default pair).
    public var colorPairCount: Int {
        has_colors() ? Int(rlterm_color_pairs()) : 0
    }

    /// Defines colour pair `pair` as `foreground` on `background` (palette indices, -1 = terminal default).
    public func definePair(_ pair: Int16, foreground: Int16, background: Int16) {
        init_pair(pair, foreground, background)
    }

    /// Writes `text` at (row, column) with curses attribute bits and a colour pair; curses clips it to the
    /// window.
    public func put(_ text: String, row: Int, column: Int, attributes: Int32, colorPair: Int16) {
        var wide = text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        wide.append(0)
        _ = rlterm_put_wide(rlterm_stdscr(), Int32(row), Int32(column), wide, attributes, colorPair)
    }

    /// Sends the changes since the last refresh to the terminal.
    public func refresh() {
        wrefresh(rlterm_stdscr())
    }

    /// How long `readInput()` waits for a key before giving up (100 ms after `open()`); a frame loop sets
    /// it to the time until its next step or frame.
    public func setInputTimeout(milliseconds: Int) {
        wtimeout(rlterm_stdscr(), Int32(clamping: max(milliseconds, 0)))
    }

    /// The next input event, or nil when none arrived within the input timeout.
    public func readInput() -> InputEvent? {
        var key: wint_t = 0
        let status = wget_wch(rlterm_stdscr(), &key)
        if status == rlterm_err() { return nil }
        if status == KEY_CODE_YES {
            return Int32(bitPattern: key) == rlterm_key_resize() ? .resize : .functionKey(Int32(bitPattern: key))
        }
        return .character(UInt32(key))
    }
}
