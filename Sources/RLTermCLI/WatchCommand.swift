import Agents
import ArgumentParser
import Environments
import Foundation
import Glibc
import Sharing
import TerminalUI
import Training
import Watch

public struct WatchCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Open the terminal UI: train an agent and watch it learn (the default command).",
        discussion: """
            Training runs on its own thread at once (DQN on cliffwalking unless --env and --algo say otherwise) \
            while the screen shows the environment, the episode returns (or the losses), the agent's values, \
            its hyperparameters and, on request, its last update written out with numbers. It takes the same \
            environment, algorithm, hyperparameter, --seed and --log-dir options as 'rlterm train' and writes \
            the same files; --steps (default: the pair's preset budget, else 30,000) is the horizon of the ε and β schedules, and training goes \
            on past it. --checkpoint FILE replays a trained agent's greedy policy instead, learning nothing. \
            --resume D opens the run in D (a headless 'rlterm train --log-dir D' run, or a watched one) and continues \
            it live from its newest run checkpoint, exactly as 'rlterm train --resume D' would, appending to its files; \
            with --log-dir (or --resume), w also writes a run checkpoint that 'train --resume' continues headless.
            Keys: space pause/resume · . one step · n finish the episode · [ ] step back and forth through \
            the recorded frames · + - pace · a A next/previous algorithm · e next environment · ↑ ↓ select a \
            hyperparameter · ← → change it · v heatmap view (on a MinAtar game under DQN, then the feature maps of \
            its convolution) · p plot view · x explain panel · w save a \
            checkpoint · r reset the agent · ? help · q quit.
            --share NAME publishes the run for 'rlterm attach NAME' viewers (README: Teaching with rlterm); each \
            draws its own screen from the session's snapshots, read-only unless --allow-control names its user.
            q, Ctrl-C, SIGTERM and SIGHUP restore the terminal; with --log-dir the final networks are saved \
            (model.safetensors, training-state.safetensors). A signal ends with status 128 + its number.
            Hyperparameters (--KEY VALUE or --set KEY=VALUE):
            \(RunOptions.hyperparameterHelp)
            Exit status: 64 bad usage or value out of range, 65 invalid map or checkpoint, 66 missing file, \
            70 no usable terminal, 74 I/O error.
            """
    )

    @OptionGroup var runOptions: RunOptions
    @OptionGroup var shareOptions: ShareOptions

    @Option(help: ArgumentHelp("Replay the agent saved in this checkpoint (greedy actions, no learning).", valueName: "file"))
    var checkpoint: String?

    @Option(help: ArgumentHelp("Open the run in this directory (a headless 'rlterm train' run, say) and continue it live "
                               + "from its newest run checkpoint; only --steps may be given with it.", valueName: "dir"))
    var resume: String?

    @Option(help: "Steps per second, or 'full' for as fast as the machine allows (default: full; 10 when replaying).")
    var pace: String?

    @Flag(help: "Start paused ('.' steps, space runs).")
    var paused = false

    @OptionGroup var screenOptions: ScreenOptions

    /// What the UI trains when nothing is said: a map whose optimal path DQN finds in seconds.
    static let defaults = (env: "cliffwalking", algo: Algorithm.dqn, steps: 30_000)

    public init() {}

    public func validate() throws {
        _ = try chosenPace()
        if checkpoint != nil, !(runOptions.settingsGiven.isEmpty && runOptions.env == nil && runOptions.algo == nil && runOptions.steps == nil) {
            throw ValidationError("--checkpoint replays the saved agent on its own environment; it takes no run settings "
                                  + "(\((runOptions.settingsGiven + ["--env", "--algo", "--steps"]).joined(separator: ", ")))")
        }
        if resume != nil, checkpoint != nil || runOptions.logDir != nil || runOptions.env != nil || runOptions.algo != nil
            || !runOptions.settingsGiven.isEmpty {
            throw ValidationError("--resume takes the run's settings and directory from its run.json; only --steps may be "
                                  + "given with it")
        }
    }

    public func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let framesPerSecond = screenOptions.framesPerSecond(environment: environment)
        let settings = SessionSettings(
            pace: try chosenPace() ?? (checkpoint == nil ? .fullSpeed : .stepsPerSecond(10)), startsPaused: paused,
            snapshotInterval: .seconds(1) / framesPerSecond, checkpointDirectory: resume ?? runOptions.logDir ?? ".")
        let session = try makeSession(settings: settings)
        let environments = Self.environmentCycle(starting: session.snapshot().configuration.environment, options: runOptions)

        TerminationSignals.trap()
        // A viewer that hangs up mid-frame must not take the teacher's process with it.
        signal(SIGPIPE, SIG_IGN)
        let server: ShareServer?
        do {
            server = try shareOptions.start(session)
        } catch {
            session.stop()
            throw error
        }
        let ending: WatchApp.Ending
        do {
            let screen = try Self.openScreen()
            let theme = screenOptions.theme(environment: environment, screen: screen)
            var note: (@Sendable () -> String?)?
            if let server { note = { ShareOptions.note(server) } }
            let recorder = try screenOptions.recorder(screen: screen, theme: theme, environment: environment)
            let app = WatchApp(
                session: session, controller: WatchController(algorithms: AlgorithmRegistry.all, environments: environments),
                theme: theme, framesPerSecond: framesPerSecond, seconds: screenOptions.timeLimit, sharingNote: note,
                recorder: recorder)
            ending = app.run(on: screen, output: CursesSurface(screen: screen, colorMode: theme.colorMode))
            screen.close()
            recorder?.close()
        } catch {
            server?.stop(reason: "the teacher's terminal could not be opened")
            session.stop()
            throw error
        }

        server?.stop(reason: "the teacher ended the session")
        let last = session.stop()
        if let message = last.message, message.isError || runOptions.logDir != nil {
            Self.printError(message.text)
        }
        if case .signal(let signal) = ending {
            Self.printError("stopped by \(TerminationSignals.name(of: signal)) at step \(last.timesteps)")
            Foundation.exit(TerminationSignals.exitStatus(for: signal))
        }
    }

    /// The terminal, opened for the UI, or the failure that says why it cannot be.
    static func openScreen() throws -> CursesScreen {
        let screen = CursesScreen()
        do {
            try screen.open()
        } catch {
            throw CommandFailure(String(describing: error), status: .software)
        }
        return screen
    }

    private func chosenPace() throws -> Pace? {
        guard let pace else { return nil }
        if pace == "full" { return .fullSpeed }
        guard let rate = Int(pace), rate >= 1, rate <= 1_000_000 else {
            throw ValidationError("--pace must be 'full' or a whole number of steps per second in 1…1000000, got '\(pace)'")
        }
        return .stepsPerSecond(rate)
    }

    private func makeSession(settings: SessionSettings) throws -> TrainingSession {
        if let resume {
            do {
                return try TrainingSession(resuming: try ResumePoint.read(directory: resume), steps: runOptions.steps,
                                           settings: settings)
            } catch {
                throw CommandFailure(error)
            }
        }
        if let checkpoint {
            do {
                return try TrainingSession(replaying: checkpoint, settings: settings)
            } catch {
                throw CommandFailure(error)
            }
        }
        let configuration = try runOptions.configuration(defaults: Self.defaults)
        let log: RunLog?
        do {
            log = try runOptions.logDir.map { directory throws(RunLogError) in
                try RunLog(directory: directory, configuration: configuration, startTime: Date().timeIntervalSince1970)
            }
        } catch {
            throw CommandFailure(error.description, status: .ioError)
        }
        do {
            return try TrainingSession(configuration: configuration, log: log, settings: settings)
        } catch {
            throw CommandFailure(error)
        }
    }

    /// The environments `e` steps through: every registered one with this run's options (its gym seed on those
    /// that take one), the one the session starts on first when it is a map file of the user's.
    static func environmentCycle(starting: EnvironmentSpec, options: RunOptions) -> [EnvironmentSpec] {
        environmentCycle(starting: starting, bits: options.bits, states: options.states, slippery: options.slippery)
    }

    /// The same for explicit environment options (a viewer of a shared session takes the session's own).
    static func environmentCycle(starting: EnvironmentSpec, bits: Int, states: Int, slippery: Bool) -> [EnvironmentSpec] {
        let names = EnvironmentRegistry.descriptors().map(\.name)
        let specs = names.map { name in
            EnvironmentSpec(name: name, bits: bits, states: states, slippery: slippery,
                            gymSeed: EnvironmentRegistry.takesGymSeed(name) ? starting.gymSeed : nil)
        }
        return names.contains(starting.name) ? specs : [starting] + specs
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
