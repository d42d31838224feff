import Analysis
import ArgumentParser
import Environments
import Foundation
import Glibc
import RLCore
import TerminalUI
import Training
import Watch

public struct PlayCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "play",
        abstract: "Play a MinAtar game yourself, the game an agent learns from pixels.",
        discussion: """
            The board is drawn as 'rlterm watch' draws it for the agent. Space starts the game, which then runs at its own pace, --fps \
            frames a second (default 10); each frame plays the last key pressed during it, or noop when none \
            was: ← → ↑ ↓ move, space fires, p pauses, q quits. It is the environment the agents train on, sticky \
            actions included: one frame in ten repeats the previous action whatever you press. When an episode \
            ends, space starts the next. --run DIR shows the best training episode return in DIR/monitor.csv \
            (a run of the same game) beside your own.
            q, Ctrl-C, SIGTERM and SIGHUP restore the terminal. A signal ends with status 128 + its number.
            Exit status: 64 bad usage, 65 a run of another game, 66 missing monitor.csv, 70 no usable terminal.
            """
    )

    @Argument(help: ArgumentHelp("The game: \(Self.games.joined(separator: ", ")).", valueName: "game"))
    var game: String

    @Option(help: "Game frames per second, 1…60.")
    var fps = 10

    @Option(name: .customLong("run"),
            help: ArgumentHelp("Show the best training episode of the run in this directory (its monitor.csv).",
                               valueName: "dir"))
    var runDirectory: String?

    @Option(help: "MinAtar's seed for the game (default: a new one each time).")
    var seed: UInt32?

    @Option(help: "Close by itself after this many seconds (0 waits for q).")
    var seconds: Double = 0

    @OptionGroup var look: LookOptions

    /// The environments that are MinAtar games.
    static var games: [String] { EnvironmentRegistry.fixedNames.filter { $0.hasPrefix("minatar-") } }

    public init() {}

    public func validate() throws {
        guard Self.games.contains(game) else {
            throw ValidationError("'\(game)' is not a MinAtar game; play one of \(Self.games.joined(separator: ", "))")
        }
        guard (1...60).contains(fps) else { throw ValidationError("--fps must be in 1…60, got \(fps)") }
        guard seconds >= 0, seconds.isFinite else {
            throw ValidationError("--seconds must be a finite number ≥ 0, got \(seconds)")
        }
    }

    public func run() throws {
        let agentBest = try runDirectory.map { (score: try Self.bestReturn(directory: $0, game: game), source: "agent, \($0)") }
        var options = EnvironmentOptions()
        options.gymSeed = GymSeed(UInt64(seed ?? UInt32.random(in: 0...UInt32.max)))
        let environment = try EnvironmentRegistry.make(game, options: options, generator: Xoshiro256StarStar(seed: 0))
        let environmentVariables = ProcessInfo.processInfo.environment

        TerminationSignals.trap()
        let screen = try WatchCommand.openScreen()
        let theme = look.theme(environment: environmentVariables, screen: screen)
        let app = PlayApp(game: PlayGame(name: game, environment: environment), theme: theme, framesPerSecond: fps,
                          seconds: seconds > 0 ? seconds : nil, agentBest: agentBest)
        let ending = app.run(on: screen, output: CursesSurface(screen: screen, colorMode: theme.colorMode))
        screen.close()
        if case .signal(let signal) = ending {
            FileHandle.standardError.write(Data("rlterm: stopped by \(TerminationSignals.name(of: signal))\n".utf8))
            Foundation.exit(TerminationSignals.exitStatus(for: signal))
        }
    }

    /// The best return of a finished training episode in `directory`/monitor.csv, which must be a run of `game`.
    static func bestReturn(directory: String, game: String) throws -> Double {
        let path = URL(fileURLWithPath: directory).appendingPathComponent("monitor.csv").path
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure("--run: \(path) does not exist (is \(directory) a run's --log-dir?)", status: .noInput)
        }
        let monitor: MonitorFile
        do {
            monitor = try MonitorFile.read(path: path)
        } catch {
            throw CommandFailure("--run: \(error)", status: .dataError)
        }
        if let trained = monitor.environmentID, trained != game {
            throw CommandFailure("--run: \(directory) is a run on \(trained), not \(game)", status: .dataError)
        }
        guard let best = monitor.episodes.map(\.reward).max() else {
            throw CommandFailure("--run: \(path) has no finished episode yet", status: .dataError)
        }
        return best
    }
}
