import Foundation

/// Progress of a long command on stderr. When stderr is a terminal it is one line, rewritten in place on
/// every update and erased by `finish()` (or kept, ended with a newline, by `finishKeepingLine()`);
/// otherwise it writes nothing, so logs and pipes get only the command's real output. Every update is drawn (none is dropped to save writes, which could leave a stale
/// line up during a long step), so call it once per unit of work, not in an inner loop.
public final class ProgressLine {
    /// Whether stderr is a terminal (isatty(2)), so the line is shown at all.
    public let isTerminal = isatty(STDERR_FILENO) == 1
    private let start = Date()
    private var shown = false

    public init() {}

    /// Seconds since the progress line was created.
    public var elapsed: TimeInterval { Date().timeIntervalSince(start) }

    /// Shows `text` (one line, no newline) in place of the previous one.
    public func update(_ text: @autoclosure () -> String) {
        guard isTerminal else { return }
        shown = true
        // Carriage return, the text, then erase whatever a longer earlier line left behind.
        write("\r" + text() + "\u{1B}[K")
    }

    /// Erases the line, so the command's output starts on a clean line.
    public func finish() {
        if shown { write("\r\u{1B}[K") }
        shown = false
    }

    /// Leaves the last line standing and moves to the next, so a final state (100 %, the last mean return)
    /// stays on screen above what follows.
    public func finishKeepingLine() {
        if shown { write("\n") }
        shown = false
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
