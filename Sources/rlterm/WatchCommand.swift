import Agents
import ArgumentParser
import Environments
import Foundation
import RLCore
import TerminalUI

struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Open the terminal UI (the default command).",
        discussion: """
            Until the training engine exists, watch solves a gridworld map exactly by value iteration and runs \
            the ε-greedy policy derived from Q* in the real environment, one step at a time: the map with the \
            agent and its path, the returns of finished episodes, V* with the greedy arrows. Nothing is learned \
            yet; learning agents arrive with the training engine.
            Keys: space pause or run, . one step while paused, + and - change the pace, q (or Ctrl-C) quit.
            Exit status: 64 bad usage or an environment that is not a map, 65 invalid map, 66 missing file.
            """
    )

    @Option(help: "The map: a built-in name ('rlterm envs'), envs/NAME.txt here, or a path to a map file.")
    var env = "cliffwalking"

    @Option(help: "The discount factor γ the values are solved for, in [0, 1).")
    var gamma = 0.99

    @Option(help: "The probability ε of a random action, in [0, 1].")
    var epsilon = 0.1

    @Option(help: "The run seed: the environment's slips and the exploration draw from its streams.")
    var seed: UInt64 = 0

    @Flag(help: "Make moves slippery whatever the map says (intended direction 1/3, each side 1/3).")
    var slippery = false

    @Option(help: "Redraw at most this many times a second (default 30; 15 when SSH_CONNECTION is set).")
    var fps: Int?

    @Option(help: "Close by itself after this many seconds (0 waits for q).")
    var seconds: Double = 0

    @Flag(help: "Draw without colour (also when NO_COLOR is set and non-empty).")
    var mono = false

    @Flag(help: "Draw with ASCII characters only (the default outside a UTF-8 locale).")
    var ascii = false

    func validate() throws {
        guard gamma >= 0, gamma < 1 else {
            throw ValidationError("--gamma must be in [0, 1) (a discount of 1 need not converge), got \(gamma)")
        }
        guard epsilon >= 0, epsilon <= 1 else { throw ValidationError("--epsilon must be in [0, 1], got \(epsilon)") }
        if let fps, !(1...240).contains(fps) { throw ValidationError("--fps must be in 1…240, got \(fps)") }
        guard seconds >= 0, seconds.isFinite else {
            throw ValidationError("--seconds must be a finite number ≥ 0, got \(seconds)")
        }
    }

    func run() throws {
        let map = try GridMapArgument.load(env, slippery: slippery, notAMap: "watch supports gridworld maps for now")
        let solution = ValueIteration(model: TransitionModel(map: map), gamma: gamma)
        let runSeed = RunSeed(seed)
        let rollout = EpsilonGreedyRollout(
            environment: Gridworld(map: map, generator: runSeed.generator(for: "env")),
            greedyActions: solution.policy, epsilon: epsilon, exploration: runSeed.generator(for: "exploration"))
        var session = WatchSession(map: map, solution: solution, rollout: rollout)

        let environment = ProcessInfo.processInfo.environment
        let framesPerSecond = fps ?? ((environment["SSH_CONNECTION"] ?? "").isEmpty ? 30 : 15)
        let screen = CursesScreen()
        do {
            try screen.open()
        } catch {
            throw CommandFailure(String(describing: error), status: .software)
        }
        defer { screen.close() }
        let theme = Theme(
            colorMode: ColorMode.select(environment: environment, mono: mono, terminalColors: screen.colorCount),
            charset: Charset.select(environment: environment, forceASCII: ascii)
        )
        run(&session, on: screen, output: CursesSurface(screen: screen, colorMode: theme.colorMode), theme: theme,
            framesPerSecond: framesPerSecond)
    }

    /// The frame loop: steps the rollout at the session's pace, draws at most `framesPerSecond` times a
    /// second and only after something changed, and waits for keys in between.
    private func run(_ session: inout WatchSession, on screen: CursesScreen, output: CursesSurface, theme: Theme,
                     framesPerSecond: Int) {
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = seconds > 0 ? start + .seconds(seconds) : nil
        let frameInterval = Duration.seconds(1) / framesPerSecond
        var nextStep = start
        var lastFrame: ContinuousClock.Instant?
        var changed = true
        var rate = StepRate(at: start, steps: 0)
        while deadline.map({ clock.now < $0 }) ?? true {
            let now = clock.now
            let stepInterval = Duration.seconds(1) / session.pace
            if !session.isPaused, now >= nextStep {
                // Catch up on the steps due, but never more than a second's worth after a stall.
                var taken = 0
                while nextStep <= now, taken < session.pace {
                    session.advance()
                    nextStep += stepInterval
                    taken += 1
                }
                if nextStep <= now { nextStep = now + stepInterval }
                changed = true
            }
            if rate.update(at: now, steps: session.rollout.steps) { changed = true }
            if changed, lastFrame.map({ now - $0 >= frameInterval }) ?? true {
                let size = screen.size
                var frame = MemorySurface(width: size.columns, height: size.rows)
                session.screen(stepsPerSecond: rate.perSecond).render(into: &frame, theme: theme)
                output.present(frame)
                lastFrame = now
                changed = false
            }

            // Sleep in the key wait until the next step or frame is due; fast paces step in batches per frame.
            var wait = Duration.milliseconds(250)
            if !session.isPaused { wait = min(wait, max(nextStep - now, session.pace > framesPerSecond ? frameInterval : .zero)) }
            if changed, let lastFrame { wait = min(wait, lastFrame + frameInterval - now) }
            screen.setInputTimeout(milliseconds: Int(wait / .milliseconds(1)))
            guard let event = screen.readInput() else { continue }
            switch event {
            case .character(let key):
                switch Unicode.Scalar(key).map(Character.init) {
                case "q", "Q", "\u{3}": return
                case " ":
                    session.isPaused.toggle()
                    nextStep = clock.now + Duration.seconds(1) / session.pace
                case "." where session.isPaused: session.advance()
                case "+", "=": session.faster()
                case "-", "_": session.slower()
                default: continue
                }
                changed = true
            case .resize:
                changed = true
            case .functionKey:
                continue
            }
        }
    }
}
