import ArgumentParser
import Foundation
import TerminalUI

struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Open the terminal UI (the default command).",
        discussion: """
            Until the training engine exists this shows a preview: the real layout and widgets drawn with \
            made-up data (a noisy rising reward curve, a value gradient on a cliff gridworld). Press q (or \
            Ctrl-C) to quit, or let --seconds run out.
            """
    )

    @Option(help: "Close by itself after this many seconds (0 waits for q).")
    var seconds: Double = 0

    @Flag(help: "Draw without colour (also when NO_COLOR is set and non-empty).")
    var mono = false

    @Flag(help: "Draw with ASCII characters only (the default outside a UTF-8 locale).")
    var ascii = false

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
        let environment = ProcessInfo.processInfo.environment
        let theme = Theme(
            colorMode: ColorMode.select(environment: environment, mono: mono, terminalColors: screen.colorCount),
            charset: Charset.select(environment: environment, forceASCII: ascii)
        )
        let output = CursesSurface(screen: screen, colorMode: theme.colorMode)
        let deadline = seconds > 0 ? Date().addingTimeInterval(seconds) : nil
        var tick = 0
        while true {
            let size = screen.size
            var frame = MemorySurface(width: size.columns, height: size.rows)
            PreviewScreen.render(into: &frame, theme: theme, tick: tick)
            output.present(frame)
            tick += 1
            // readInput waits up to 100 ms, which paces the preview at about ten frames a second.
            if case .character(let key) = screen.readInput(), key == UInt32(UInt8(ascii: "q")) || key == 3 {
                return
            }
            if let deadline, Date() >= deadline { return }
        }
    }
}
