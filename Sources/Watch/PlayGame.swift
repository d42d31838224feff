import Environments
import TerminalUI
import Training

/// A MinAtar game played by a person (`rlterm play`): the keys pressed during a frame choose its action,
/// noop when none was; a tick plays one frame. The environment is the one the agents train on, sticky
/// actions included, so the player feels what the agent is up against. Pure: the loop feeds it keys and
/// ticks, and tests do the same without a terminal.
public struct PlayGame {
    /// What a key does in the game.
    public enum Key: Equatable, Sendable {
        case action(MinAtarAction)
        case pause
        case quit
    }

    public let name: String
    private var environment: any DescribedEnvironment
    /// The action the next tick plays: the last game key pressed since the last tick.
    public private(set) var pendingAction = MinAtarAction.noop
    public private(set) var score = 0.0
    /// The episode being played, from 1.
    public private(set) var episode = 1
    /// The best score of the episodes finished so far.
    public private(set) var best: Double?
    /// The episode ended (lost, or Freeway's clock ran out): ticks wait for fire to start the next.
    public private(set) var isOver = false
    /// Before the first episode: ticks wait for fire, so the ball does not drop before the player is ready.
    public private(set) var isReady = true
    public private(set) var isPaused = false

    /// `name` must be a MinAtar game (`minatar-breakout`); `environment` is it, built and seeded.
    public init(name: String, environment: any DescribedEnvironment) {
        self.name = name
        self.environment = environment
    }

    /// The key `event` stands for: the arrows move, space fires, p pauses, q quits.
    public static func key(for event: InputEvent) -> Key? {
        let arrows: [(Arrow, MinAtarAction)] = [(.left, .left), (.right, .right), (.up, .up), (.down, .down)]
        if let (_, action) = arrows.first(where: { event == .arrowKey($0.0) }) { return .action(action) }
        guard case .character(let code) = event, let scalar = Unicode.Scalar(code) else { return nil }
        switch Character(scalar) {
        case " ": return .action(.fire)
        case "p", "P": return .pause
        case "q", "Q": return .quit
        default: return nil
        }
    }

    /// Notes a key pressed during the current frame: a game key becomes the frame's action (the last one
    /// pressed wins; while paused it is dropped, not saved for later), fire after a finished episode starts
    /// the next, p pauses and resumes.
    public mutating func press(_ key: Key) {
        switch key {
        case .action(let action):
            if isReady {
                isReady = action != .fire
                return
            }
            if isOver {
                if action == .fire { startEpisode() }
                return
            }
            if !isPaused { pendingAction = action }
        case .pause:
            if !isOver && !isReady { isPaused.toggle() }
        case .quit:
            break
        }
    }

    /// Plays one frame with the action chosen since the last tick (noop when no key was pressed); nothing
    /// while paused or over.
    public mutating func tick() {
        guard !isPaused, !isOver, !isReady else { return }
        let outcome = environment.step(pendingAction.rawValue)
        pendingAction = .noop
        score += outcome.reward
        if outcome.isDone {
            isOver = true
            best = max(best ?? score, score)
        }
    }

    private mutating func startEpisode() {
        environment.reset()
        score = 0
        episode += 1
        isOver = false
        pendingAction = .noop
    }

    /// The board as the watch screen draws it.
    public var board: MinAtarView? {
        let frame = EpisodeFrame(state: environment.sceneState)
        guard case .minAtar(let view) = DashboardPresenter.scene(layout: environment.sceneLayout, frames: [frame], index: 0)
        else { return nil }
        return view
    }

    /// The line at the bottom of the screen: how the episode ended and what to press, or that it is paused.
    public var message: String? {
        if isReady { return "space starts the game" }
        if isOver { return "game over: score \(PlayScreen.score(score)). space plays episode \(episode + 1), q quits" }
        if isPaused { return "paused: p plays on" }
        return nil
    }
}
