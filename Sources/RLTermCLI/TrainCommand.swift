import ArgumentParser
import Foundation
import NeuralNet
import Training

public struct TrainCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train an agent without the terminal UI, showing progress on stderr.",
        discussion: """
            Every hyperparameter is a flag, --KEY VALUE, or --set KEY=VALUE; keys absent take the algorithm's \
            default ('rlterm algos' lists them with their ranges):
            \(RunOptions.hyperparameterHelp)
            The network: an MLP of --layers hidden ReLU layers of --hidden units on the flat observation, trained \
            with Adam (online-q: its plain step unless --adam); for DQN on an environment whose observation is an image (the MinAtar games), the MinAtar \
            paper's network instead, a 3×3 convolution of 16 filters with ReLU reading the frame as [y][x][c], then \
            the --layers × --hidden ReLU layers (the presets: one of 128) and one output per action, trained with \
            centered RMSProp (alpha 0.95, eps 0.01) at --lr, its replay memory keeping the binary frames packed.
            Progress: when stderr is a terminal, one bar redrawn in place (percent, steps/s, ETA, mean return of \
            the last 100 episodes); otherwise a plain line at most once a second.
            With --log-dir D the run writes D/run.json (the configuration), D/monitor.csv (Stable-Baselines3 \
            Monitor format), D/progress.csv (every 1,000 steps and at the end: \
            \(ProgressFormat.columns.joined(separator: ",")); empty where not yet defined), D/model.safetensors \
            and D/training-state.safetensors (at the end), and with --eval-every also D/evaluations.csv and \
            D/best.safetensors (the networks of the best evaluation). Rows are written as they happen, so a killed run keeps them. Solved thresholds for \
            --stop-when-solved: cartpole 475, cliffwalk 1, a deterministic map the return of its optimal path; \
            bitflip and slippery maps have none.
            A run with --log-dir writes a run checkpoint, D/checkpoints/step-N.safetensors, at its end and, with \
            --checkpoint-every N, every N steps (atomically; the newest --keep-checkpoints K are kept): the \
            networks, optimizers, target networks, replay memory with its priorities, HER's episode, the batch in \
            progress, every counter and random stream, and each environment's state with its episode in progress. \
            --resume D continues the run from its newest checkpoint as if it had never stopped, up to its --steps (or \
            a new, larger --steps, over which ε and β are then scheduled), cutting its CSV files back to that step \
            and appending to them; the settings come from D/run.json. SIGINT, SIGTERM or SIGHUP end the run at the \
            next step with its checkpoints written; after a SIGKILL the run goes on from its last periodic \
            checkpoint. A directory without checkpoints (an older rlterm's) resumes with a warning from \
            D/model.safetensors and D/training-state.safetensors: networks, optimizers and counts only. \
            Checkpoint flags may be given with --resume.
            Exit status: 64 bad usage or value out of range, 65 invalid map or run directory, 66 missing map file, \
            run directory or model.safetensors, 70 the agent met a non-finite loss or policy, or its values \
            diverged past 10·max|r|/(1−γ) or its loss grew 10⁶-fold (training stops; the last good checkpoint is \
            kept), 74 I/O error, 128 + n after signal n (130 SIGINT, 143 SIGTERM, 129 SIGHUP).
            """
    )

    @OptionGroup var runOptions: RunOptions

    @Option(help: ArgumentHelp("Continue the finished run in this directory (every other setting comes from its run.json).",
                               valueName: "dir"))
    var resume: String?

    @Option(help: "Evaluate the greedy policy every N environment steps (0: never).")
    var evalEvery = 0

    @Option(help: "Episodes per evaluation.")
    var evalEpisodes = 10

    @Flag(help: "Stop at the first evaluation whose mean return reaches the environment's threshold.")
    var stopWhenSolved = false

    @Option(help: ArgumentHelp("With --log-dir, write a run checkpoint every N steps (0: only at the end).", valueName: "N"))
    var checkpointEvery = 0

    @Option(help: ArgumentHelp("Run checkpoints to keep, newest first.", valueName: "K"))
    var keepCheckpoints = RunCheckpoint.defaultKept

    public init() {}

    public func run() throws {
        guard checkpointEvery >= 0 else {
            throw CommandFailure("--checkpoint-every must be a whole number ≥ 0, got \(checkpointEvery)", status: .usage)
        }
        guard keepCheckpoints >= 1 else {
            throw CommandFailure("--keep-checkpoints must be a whole number ≥ 1, got \(keepCheckpoints)", status: .usage)
        }
        let (trainer, log) = try resume.map(resumedRun) ?? newRun()
        trainer.checkpointInterval = log == nil ? 0 : checkpointEvery
        // This thread trains: Adam's moments decay into subnormals, which x86 handles slowly.
        FloatingPointEnvironment.enableFlushToZero()
        let display = TrainingProgressDisplay()
        var interruption: Int32?
        TerminationSignals.trap()
        let summary: TrainingSummary
        do {
            // A signal ends the run at the next step, saved as if it had reached its budget, so it can be resumed.
            summary = try trainer.run(observers: Trainer.observers(log: log, progress: display.show,
                                                                   keptCheckpoints: keepCheckpoints)) {
                interruption = TerminationSignals.received
                return interruption != nil
            }
        } catch {
            display.finish()
            throw CommandFailure(error)
        }
        display.finish()
        for line in TrainingReport.lines(summary, earlierEpisodes: trainer.resumePoint?.episodes ?? 0) {
            Self.printError(line)
        }
        if let interruption {
            let saved = log.map { "; saved \($0.modelPath) (--resume \($0.directory) continues it)" } ?? ""
            Self.printError("stopped by \(TerminationSignals.name(of: interruption)) at step \(summary.steps)\(saved)")
            Foundation.exit(TerminationSignals.exitStatus(for: interruption))
        }
    }

    /// The trainer and log of a new run from the command line's settings.
    private func newRun() throws -> (Trainer, RunLog?) {
        let (configuration, trainer) = try newTrainer()
        do {
            return (trainer, try runOptions.logDir.map { directory throws(RunLogError) in
                try RunLog(directory: directory, configuration: configuration, startTime: Date().timeIntervalSince1970)
            })
        } catch {
            throw CommandFailure(error)
        }
    }

    /// The configuration and trainer of a new run, every setting checked (what `rlterm sweep` checks each run
    /// of its grid with before printing any).
    func newTrainer() throws -> (TrainingConfiguration, Trainer) {
        guard runOptions.env != nil, runOptions.algo != nil else {
            throw CommandFailure("--env and --algo are required (or --resume DIR)", status: .usage)
        }
        let configuration = try runOptions.configuration(evaluationInterval: evalEvery, evaluationEpisodes: evalEpisodes,
                                                         stopWhenSolved: stopWhenSolved)
        do {
            return (configuration, try Trainer(configuration))
        } catch {
            throw CommandFailure(error)
        }
    }

    /// The trainer and log that continue the run in `directory`, which only --steps may change.
    private func resumedRun(_ directory: String) throws -> (Trainer, RunLog?) {
        let settings = settingsGiven
        guard settings.isEmpty else {
            throw CommandFailure("--resume takes the run's settings from \(directory)/run.json; only --steps may be given with it, "
                                 + "not \(settings.joined(separator: ", "))", status: .usage)
        }
        let trainer: Trainer
        do {
            let point = try ResumePoint.read(directory: directory)
            if point.state == nil {
                Self.printError("warning: \(directory) has no run checkpoint (written by an rlterm before them): resuming "
                                + "with its networks, optimizers and counts only; the replay memory, the agent's step "
                                + "count, the random streams and the episode in progress start afresh")
            }
            trainer = try Trainer(resuming: point, steps: runOptions.steps)
        } catch {
            throw CommandFailure(error)
        }
        do {
            return (trainer, try RunLog(resuming: trainer.resumePoint!, configuration: trainer.configuration))
        } catch {
            throw CommandFailure(error)
        }
    }

    /// The settings given on the command line besides --resume and --steps.
    var settingsGiven: [String] {
        let given: [(String, Bool)] = [
            ("--env", runOptions.env != nil), ("--algo", runOptions.algo != nil), ("--eval-every", evalEvery != 0),
            ("--eval-episodes", evalEpisodes != 10), ("--stop-when-solved", stopWhenSolved),
        ]
        return given.filter(\.1).map(\.0) + runOptions.settingsGiven
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
