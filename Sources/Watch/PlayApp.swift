import Foundation
import TerminalUI
import Training

/// `rlterm play`'s loop on the main thread: between frames it reads keys into the game, and every
/// 1/`framesPerSecond` seconds it plays one frame and draws the screen (only the cells that changed).
public final class PlayApp {
    /// How the loop ended.
    public enum Ending: Equatable, Sendable {
        case quit
        /// A SIGINT (or Ctrl-C, a key in raw mode), SIGTERM or SIGHUP.
        case signal(Int32)
        /// The `--seconds` limit passed.
        case timeLimit
    }

    private var game: PlayGame
    private let theme: Theme
    private let framesPerSecond: Int
    private let seconds: Double?
    private let agentBest: (score: Double, source: String)?

    public init(game: PlayGame, theme: Theme, framesPerSecond: Int, seconds: Double? = nil,
                agentBest: (score: Double, source: String)? = nil) {
        precondition(framesPerSecond >= 1, "play at least a frame a second")
        self.game = game
        self.theme = theme
        self.framesPerSecond = framesPerSecond
        self.seconds = seconds
        self.agentBest = agentBest
    }

    public func run(on screen: CursesScreen, output: CursesSurface) -> Ending {
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = seconds.map { start + .seconds($0) }
        let frameInterval = Duration.seconds(1) / framesPerSecond
        var nextFrame = start
        draw(on: screen, output: output)
        while true {
            if let signal = TerminationSignals.received { return .signal(signal) }
            let now = clock.now
            if let deadline, now >= deadline { return .timeLimit }
            if now >= nextFrame {
                game.tick()
                draw(on: screen, output: output)
                // A frame that came late does not make the next ones come early: the pace stays even.
                nextFrame = max(nextFrame + frameInterval, now)
                continue
            }
            screen.setInputTimeout(milliseconds: Int(((nextFrame - now) / .milliseconds(1)).rounded(.up)))
            guard let event = screen.readInput() else { continue }
            switch event {
            case .resize:
                draw(on: screen, output: output)
            case .character(3):
                return .signal(SIGINT)
            default:
                guard let key = PlayGame.key(for: event) else { continue }
                if key == .quit { return .quit }
                let wasWaiting = game.isReady || game.isOver || game.isPaused
                game.press(key)
                // Starting again or pausing shows at once, not a frame later.
                if wasWaiting || game.isPaused { draw(on: screen, output: output) }
            }
        }
    }

    private func draw(on screen: CursesScreen, output: CursesSurface) {
        guard let board = game.board else { return }
        let size = screen.size
        var frame = MemorySurface(width: size.columns, height: size.rows)
        PlayScreen(gameName: game.name, board: board, score: game.score, episode: game.episode, best: game.best,
                   agentBest: agentBest, framesPerSecond: framesPerSecond, message: game.message)
            .render(into: &frame, theme: theme)
        output.present(frame)
    }
}
