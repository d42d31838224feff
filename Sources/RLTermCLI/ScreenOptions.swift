import ArgumentParser
import TerminalUI
import Watch

/// How a terminal UI screen is drawn, for `watch` and `attach` alike: frame rate, time limit, colours,
/// characters and an optional recording.
public struct ScreenOptions: ParsableArguments {
    @Option(help: "Redraw at most this many times a second (default 30; 15 when SSH_CONNECTION is set).")
    var fps: Int?

    @Option(help: "Close by itself after this many seconds (0 waits for q).")
    var seconds: Double = 0

    @OptionGroup var look: LookOptions

    @Option(help: ArgumentHelp("Also write the screen to this asciicast v2 file ('asciinema play FILE' replays it).",
                               valueName: "file.cast"))
    var record: String?

    public init() {}

    public func validate() throws {
        if let fps, !(1...240).contains(fps) { throw ValidationError("--fps must be in 1…240, got \(fps)") }
        guard seconds >= 0, seconds.isFinite else {
            throw ValidationError("--seconds must be a finite number ≥ 0, got \(seconds)")
        }
    }

    /// The frame rate: --fps, else 30, or 15 over SSH where every byte crosses the network.
    func framesPerSecond(environment: [String: String]) -> Int {
        fps ?? ((environment["SSH_CONNECTION"] ?? "").isEmpty ? 30 : 15)
    }

    /// The --seconds limit, nil for none.
    var timeLimit: Double? { seconds > 0 ? seconds : nil }

    func theme(environment: [String: String], screen: CursesScreen) -> Theme {
        look.theme(environment: environment, screen: screen)
    }

    /// The recording --record asked for, sized as the terminal is now; closes the screen when the file cannot
    /// be written, so the message reaches a normal terminal.
    func recorder(screen: CursesScreen, theme: Theme, environment: [String: String]) throws -> AsciicastRecorder? {
        guard let record else { return nil }
        do {
            return try AsciicastRecorder(path: record, width: screen.size.columns, height: screen.size.rows,
                                         colorMode: theme.colorMode, start: .now, environment: environment)
        } catch {
            screen.close()
            throw CommandFailure("--record: cannot write \(record): \(error.localizedDescription)", status: .ioError)
        }
    }
}

/// The colours and characters a screen draws with (`watch`, `attach` and `play`).
public struct LookOptions: ParsableArguments {
    @Flag(help: "Draw without colour (also when NO_COLOR is set and non-empty).")
    var mono = false

    @Flag(help: "Draw with ASCII characters only (the default outside a UTF-8 locale).")
    var ascii = false

    public init() {}

    /// The colours and characters to draw with: the terminal's, less what NO_COLOR, the locale and the flags take away.
    func theme(environment: [String: String], screen: CursesScreen) -> Theme {
        Theme(colorMode: ColorMode.select(environment: environment, mono: mono, terminalColors: screen.colorCount),
              charset: Charset.select(environment: environment, forceASCII: ascii))
    }
}
