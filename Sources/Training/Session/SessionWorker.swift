import Agents
import Environments
import Foundation
import RLCore

/// Everything a live session's training thread owns — the trainer and its agent, the mode and pace, the
/// recorded frames, segments and losses — and the only code that changes it: `apply(_:)` for a command and
/// `stepOnce()` for one environment step, both called between steps, which is the safe point of every agent.
///
/// It is synchronous and knows nothing of threads, so tests drive it one command and one step at a time;
/// `TrainingSession` runs one on a thread of its own.
final class SessionWorker {
    private(set) var trainer: Trainer
    private(set) var mode: RunMode
    private(set) var pace: Pace
    let settings: SessionSettings
    private let log: RunLog?
    /// The algorithm the session started with and its options; any other algorithm starts from the defaults.
    private let initialAlgorithm: Algorithm
    private let initialOptions: AgentOptions
    /// The preset of the current algorithm on the current environment, nil where the pair has none.
    private var preset: Preset?
    /// The values the current algorithm starts from on the current environment (its preset, or its defaults).
    private var presetHyperparameters: Hyperparameters {
        preset?.hyperparameters ?? Hyperparameters(defaultsFor: trainer.configuration.algorithm)
    }
    /// The seed of the session's first agent; the n-th agent after it (a switch or reset) trains with this
    /// seed + n, so each segment's agent is one `rlterm train --seed` away.
    private let firstSeed: UInt64
    /// The first agent's step budget: the horizon of a new pair's schedules where its preset gives none.
    private let firstSteps: Int
    private var agentsReplaced: UInt64 = 0

    private var recorder: EpisodeRecorder
    private var segments: [SessionSegment] = []
    private var losses: [LossPoint] = []
    /// The losses (and mean |δ|) of the updates since the last loss point.
    private var pendingLoss = (sum: 0.0, count: 0, tdSum: 0.0, tdCount: 0)
    private var lastGradientSteps = 0
    private var layout: SceneLayout
    private var inspector: ValueInspector
    private var message: SessionMessage?
    private var messageCount = 0
    private(set) var failure: String?
    private var rate: StepRate
    private var sequence = 0
    private let clock = ContinuousClock()

    /// A worker whose first agent trains under `configuration`; the trainer's checks apply (it throws what
    /// `Trainer.init` throws), so nothing starts half-configured.
    convenience init(configuration: TrainingConfiguration, log: RunLog?, settings: SessionSettings) throws(TrainingError) {
        self.init(trainer: try Trainer(configuration), log: log, settings: settings)
    }

    /// A worker around a trainer made elsewhere (one that replays a checkpoint, say).
    init(trainer: Trainer, log: RunLog?, settings: SessionSettings) {
        let configuration = trainer.configuration
        self.trainer = trainer
        self.log = log
        self.settings = settings
        mode = settings.startsPaused ? .paused : .running
        pace = settings.pace
        initialAlgorithm = configuration.algorithm
        initialOptions = configuration.options
        // The command line has reported a preset file's mistakes already; here they mean the defaults.
        preset = try? settings.presets.preset(of: configuration.algorithm, on: configuration.environment.name)
        firstSeed = configuration.seed
        firstSteps = configuration.steps
        recorder = EpisodeRecorder(capacity: settings.frameCapacity)
        layout = SceneLayout(of: trainer.environment)
        inspector = ValueInspector(environment: trainer.environment)
        rate = StepRate(at: clock.now, steps: 0)
        install(trainer, cause: .start)
    }

    /// Whether the thread should keep stepping (running, or finishing an episode).
    var isStepping: Bool { mode == .running || mode == .finishingEpisode }

    // MARK: Commands

    /// Applies `command`. Refusals (a value out of range, an algorithm that cannot run here) leave everything
    /// as it was and say why in the session's message.
    func apply(_ command: SessionCommand) {
        guard mode != .stopped else { return }
        if command.changesAgent, !trainer.learns {
            say("replaying a checkpoint: nothing learns here, so there is nothing to change", isError: true)
            return
        }
        switch command {
        case .pause:
            pause()
        case .resume:
            run(.running)
        case .togglePause:
            if isStepping { pause() } else { run(.running) }
        case .step:
            pause()
            guard refuseIfFailed() else { return }
            stepOnce()
        case .finishEpisode:
            run(.finishingEpisode)
        case .set(let key, let value):
            set(key, to: value)
        case .switchAlgorithm(let algorithm):
            var configuration = trainer.configuration
            configuration.options = algorithm == initialAlgorithm ? initialOptions : AgentOptions()
            let preset = startFromPreset(&configuration, algorithm: algorithm)
            replaceTrainer(configuration, cause: .algorithm, preset: preset)
        case .switchEnvironment(let environment):
            var configuration = currentConfiguration
            configuration.environment = environment
            let preset = startFromPreset(&configuration, algorithm: configuration.algorithm)
            replaceTrainer(configuration, cause: .environment, preset: preset)
        case .reset:
            replaceTrainer(currentConfiguration, cause: .reset, preset: preset)
        case .saveCheckpoint(let path):
            saveCheckpoint(to: path ?? defaultCheckpointPath)
        case .setPace(let newPace):
            pace = newPace
        case .stop:
            stop()
        }
    }

    /// Starts `configuration` from the preset of `algorithm` on its environment (or the defaults where the pair
    /// has none), with the preset's budget as the horizon of its schedules (else the first agent's), and returns
    /// that preset; a preset file with a mistake is reported and the defaults used.
    private func startFromPreset(_ configuration: inout TrainingConfiguration, algorithm: Algorithm) -> Preset? {
        let preset: Preset?
        do {
            preset = try settings.presets.preset(of: algorithm, on: configuration.environment.name)
        } catch {
            say("\(error); starting from the defaults", isError: true)
            preset = nil
        }
        configuration.start(from: preset, algorithm: algorithm)
        configuration.steps = preset?.steps ?? firstSteps
        return preset
    }

    /// The configuration as it stands: the trainer's, with the hyperparameters the agent has now.
    var currentConfiguration: TrainingConfiguration {
        var configuration = trainer.configuration
        configuration.hyperparameters = trainer.agent.hyperparameters
        return configuration
    }

    private func pause() {
        guard isStepping else { return }
        mode = .paused
        trainer.suspendClock()
    }

    private func run(_ newMode: RunMode) {
        guard refuseIfFailed() else { return }
        mode = newMode
        trainer.resumeClock()
    }

    /// After a failure only a new agent can learn: says so and returns false.
    private func refuseIfFailed() -> Bool {
        guard let failure else { return true }
        say("learning stopped: \(failure); reset or switch to start a new agent", isError: true)
        return false
    }

    private func set(_ key: HyperparameterKey, to value: Double) {
        let agent = trainer.agent
        let old = agent.hyperparameters.values[key]
        do {
            try agent.setHyperparameter(key, to: value)
        } catch {
            say(error.description, isError: true)
            return
        }
        let spec = HyperparameterSpec.spec(for: key)
        say("\(spec.symbol) = \(HyperparameterSpec.format(value))", isError: false)
        guard let old, old != value else { return }
        startSegment(.hyperparameter(key, from: old, to: value))
    }

    /// Replaces the agent with a new one for `configuration`, started from `preset` and trained with the next
    /// agent seed, and says how to rerun it headless.
    private func replaceTrainer(_ configuration: TrainingConfiguration, cause: SessionSegment.Cause, preset: Preset?) {
        var configuration = configuration
        configuration.seed = firstSeed &+ agentsReplaced &+ 1
        var dropped: String?
        let replacement: Trainer
        do {
            do {
                replacement = try Trainer(configuration, continuing: trainer.counters)
            } catch .algorithm(.hindsightNeedsGoals) {
                // Hindsight relabelling belongs to goal environments: a switch away from one drops it rather
                // than refusing every environment without goals.
                let terminal = configuration.options.herTerminal ? " --her-terminal" : ""
                dropped = "--her \(configuration.options.hindsight.rawValue)\(terminal) dropped: "
                    + "\(configuration.environment.name) has no goals to relabel"
                configuration.options.hindsight = .none
                configuration.options.herTerminal = false
                replacement = try Trainer(configuration, continuing: trainer.counters)
            }
        } catch {
            say(error.description, isError: true)
            return
        }
        self.preset = preset
        agentsReplaced += 1
        trainer.suspendClock()
        let environmentChanged = configuration.environment != trainer.configuration.environment
        trainer = replacement
        if environmentChanged {
            layout = SceneLayout(of: replacement.environment)
            inspector = ValueInspector(environment: replacement.environment)
        }
        failure = nil
        if mode == .finishingEpisode { mode = .running }
        install(replacement, cause: cause)
        let started = cause == .reset ? "a new agent" : "\(configuration.algorithm.displayName) on "
            + "\(configuration.environment.displayName) from \(preset.map { "preset \($0.name)" } ?? "the defaults")"
        let report = "\(started), seed \(configuration.seed); headless: \(segments[segments.count - 1].trainCommand ?? "")"
        say([dropped, report].compactMap(\.self).joined(separator: "; "), isError: false)
    }

    /// Starts `trainer`'s run inside the session: its episodes go to the session's log, its first episode
    /// begins now, and a segment opens.
    private func install(_ trainer: Trainer, cause: SessionSegment.Cause) {
        trainer.keepsFinishedCopy = true
        trainer.begin(log: log, keepingEpisodes: false)
        if !isStepping { trainer.suspendClock() }
        recorder.restart(SceneState(of: trainer.environments.copies[0]))
        lastGradientSteps = trainer.agent.gradientSteps
        pendingLoss = (0, 0, 0, 0)
        startSegment(cause)
    }

    /// Opens a segment. One that starts an agent records the command that reruns that agent headless; one that
    /// starts at an edit keeps its agent's, which covers the steps before the edit.
    private func startSegment(_ cause: SessionSegment.Cause) {
        let counters = trainer.counters
        let configuration = trainer.configuration
        let command: String?
        if case .hyperparameter = cause, let last = segments.last {
            command = last.trainCommand
        } else {
            command = trainer.learns ? configuration.trainCommand(startingFrom: preset) : nil
        }
        segments.append(SessionSegment(
            cause: cause, algorithm: configuration.algorithm, environment: configuration.environment.name,
            seed: configuration.seed, trainCommand: command, firstStep: counters.timesteps,
            firstEpisode: counters.episodes))
        if segments.count > settings.segmentCapacity { segments.removeFirst(segments.count - settings.segmentCapacity) }
    }

    private var defaultCheckpointPath: String {
        RunLog.path(settings.checkpointDirectory, "checkpoint-\(trainer.configuration.algorithm.name)-\(trainer.timesteps).safetensors")
    }

    /// Saves the agent's networks to `path` and, in a session with a log directory, a run checkpoint there too,
    /// from which `rlterm train --resume` or `watch --resume` goes on.
    private func saveCheckpoint(to path: String) {
        do {
            try AgentCheckpoint.save(trainer.agent, configuration: currentConfiguration, timesteps: trainer.timesteps, to: path)
            if let log, trainer.learns {
                try RunCheckpoint.save(trainer, log: log, keeping: RunCheckpoint.defaultKept)
                say("checkpoint saved to \(path) and \(RunCheckpoint.path(in: log.directory, step: trainer.timesteps)) "
                    + "(--resume \(log.directory) continues it)", isError: false)
                return
            }
            say("checkpoint saved to \(path); \(reproduction)", isError: false)
        } catch {
            say("checkpoint not saved: \(error)", isError: true)
        }
    }

    /// How to rerun the current agent headless, and what the command leaves out.
    private var reproduction: String {
        guard let command = segments.last?.trainCommand else { return "a replay: nothing to rerun" }
        let edits = segments.reversed().prefix { segment in
            if case .hyperparameter = segment.cause { return true } else { return false }
        }
        let budget = trainer.configuration.steps
        let scope: String
        if let firstEdit = edits.last {
            scope = " up to its first edit, at step \(firstEdit.firstStep)"
        } else {
            scope = trainer.timesteps - segments[segments.count - 1].firstStep > budget
                ? " for its first \(budget) steps" : ""
        }
        return "seed \(trainer.configuration.seed), headless\(scope): \(command)"
    }

    /// Ends the session; with a run log, the final networks and optimizer state are written first, unless
    /// learning had stopped on a failure (as `rlterm train` writes none then, so the last good checkpoint stays).
    private func stop() {
        pause()
        mode = .stopped
        guard let log else { return }
        guard failure == nil else {
            say("final checkpoint not written: learning had stopped", isError: true)
            return
        }
        do {
            _ = try trainer.finish()
            say("saved \(log.modelPath)", isError: false)
        } catch {
            say("final checkpoint not saved: \(error)", isError: true)
        }
    }

    private func say(_ text: String, isError: Bool) {
        messageCount += 1
        message = SessionMessage(id: messageCount, text: text, isError: isError)
    }

    // MARK: Stepping

    /// One environment step with its bookkeeping: frames of copy 0, the segment's returns, loss points.
    /// A refused update or a failed write pauses the session with a message.
    func stepOnce() {
        let step: TrainingStep
        do {
            step = try trainer.advance()
        } catch {
            stopLearning(error)
            return
        }
        let agent = trainer.agent
        let gradientSteps = agent.gradientSteps
        if gradientSteps != lastGradientSteps {
            lastGradientSteps = gradientSteps
            recordLoss(agent)
        }
        if step.copy == 0 {
            if step.episode != nil, let final = trainer.environments.finishedCopy {
                recorder.finish(final: SceneState(of: final), reward: step.outcome.reward,
                                next: SceneState(of: trainer.environments.copies[0]))
                if mode == .finishingEpisode { pause() }
            } else {
                recorder.record(SceneState(of: trainer.environments.copies[0]), reward: step.outcome.reward)
            }
        }
        if let episode = step.episode {
            segments[segments.count - 1].append(episode.reward, capacity: settings.returnCapacity)
            closeLossPoint()
        }
    }

    private func recordLoss(_ agent: any Agent) {
        if let loss = agent.lastLoss, loss.isFinite {
            pendingLoss.sum += Double(loss)
            pendingLoss.count += 1
        }
        let errors = agent.lastTDErrors
        guard !errors.isEmpty else { return }
        var total: Float = 0
        for error in errors { total += abs(error) }
        pendingLoss.tdSum += Double(total) / Double(errors.count)
        pendingLoss.tdCount += 1
    }

    private func closeLossPoint() {
        guard pendingLoss.count > 0 else { return }
        let tdError = pendingLoss.tdCount > 0 ? pendingLoss.tdSum / Double(pendingLoss.tdCount) : nil
        losses.append(LossPoint(episode: trainer.counters.episodes, loss: pendingLoss.sum / Double(pendingLoss.count),
                                meanAbsoluteTDError: tdError))
        if losses.count > settings.lossCapacity { losses.removeFirst(losses.count - settings.lossCapacity) }
        pendingLoss = (0, 0, 0, 0)
    }

    private func stopLearning(_ error: TrainingError) {
        pause()
        if case .agentFailed(let step, let reason) = error {
            failure = reason
            say("learning stopped at step \(step): \(reason)", isError: true)
        } else {
            say("training paused: \(error)", isError: true)
        }
    }

    // MARK: Snapshots

    /// What a viewer sees now.
    func snapshot() -> TrainingSnapshot {
        sequence += 1
        let counters = trainer.counters
        _ = rate.update(at: clock.now, steps: counters.timesteps)
        let agent = trainer.agent
        let explanation = agent.lastUpdate?.description ?? agent.lastAdvantage?.description
        return TrainingSnapshot(
            sequence: sequence, configuration: currentConfiguration, learns: trainer.learns,
            hyperparameters: agent.hyperparameters, presetHyperparameters: presetHyperparameters, mode: mode,
            pace: pace, timesteps: counters.timesteps, episodes: counters.episodes,
            stepsPerSecond: isStepping ? rate.perSecond : 0, epsilon: agent.explorationRate,
            idleNow: agent.idleHyperparameters,
            meanRecentReturn: counters.meanRecentReturn, layout: layout, currentEpisode: recorder.current,
            lastEpisode: recorder.last, segments: segments, losses: losses,
            values: inspector.inspect(agent, environment: trainer.environments.copies[0]),
            explanation: explanation.map { $0.components(separatedBy: "; ") } ?? [], message: message, failure: failure,
            network: agent.networkSummary)
    }
}
