import ArgumentParser
import Foundation
import TerminalUI

struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Open the terminal UI (the default command).",
        discussion: """
            For now this proves the curses layer: it opens the screen, shows its size and what is coming, and \
            restores the terminal on any key (or after --seconds). The live training view is its own issue.
            """
    )

    @Option(help: "Close by itself after this many seconds (0 waits for a key).")
    var seconds: Double = 0

    func validate() throws {
        guard seconds >= 0, seconds.isFinite else {
            throw ValidationError("--seconds must be a finite number ≥ 0, got \(seconds)")
        }
    }

    func run() throws {
        let screen = CursesScreen()
        do {
            try screen.open()
        } catch {
            throw CommandFailure(String(describing: error), status: .software)
        }
        defer { screen.close() }
        let deadline = seconds > 0 ? Date().addingTimeInterval(seconds) : nil
        while true {
            let size = screen.size
            screen.erase()
            screen.put("rlterm", row: 0, column: 1, bold: true)
            screen.put("terminal \(size.columns)×\(size.rows) · curses is up", row: 1, column: 1)
            screen.put("The live training view arrives with the terminal UI.", row: 3, column: 1)
            screen.put("Meanwhile: rlterm envs · rlterm --help", row: 4, column: 1)
            screen.put("press any key to quit", row: 6, column: 1)
            screen.refresh()
            if let event = screen.readInput(), event != .resize {
                return
            }
            if let deadline, Date() >= deadline { return }
        }
    }
}
