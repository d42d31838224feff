import Agents
import Foundation
import NeuralNet
import RLCore

/// The training loop: one environment (or N_env copies stepped in turn, `LockstepEnvironments`), one agent,
/// a step budget counted in transitions. `rlterm train` runs it to the end with `run(log:progressInterval:progress:)`;
/// the live `TrainingSession` calls `advance()` one transition at a time, with commands applied in between.
///
/// Each step: a = agent.act(s); (r, terminated, truncated) = env.step(a); agent.observe(s, a, r, s′, …);
/// at the end of an episode the environment is reset. Every `evaluationInterval` steps the greedy policy
/// plays `evaluationEpisodes` episodes on a second environment with its own random stream ("eval-env"),
/// outside the training clock.
public final class Trainer {
    public let configuration: TrainingConfiguration
    public let agent: any Agent
    /// The environment copies the agent trains on: one unless the algorithm reads N_env.
    public private(set) var environments: LockstepEnvironments
    /// The environment a single-environment run trains on (copy 0).
    public var environment: any Environment { environments.first }
    private var evaluationEnvironment: any Environment
    /// The mean evaluation return that counts as solved, if the environment has one.
    public let solvedThreshold: Double?

    /// Where a resumed run continues from; nil for a new run.
    public let resumePoint: ResumePoint?
    /// The counts this trainer started from (zero for a new run).
    public let start: RunCounters
    /// The counts of the whole run so far: `start` plus this trainer's steps, episodes and training time.
    public var counters: RunCounters {
        var now = progress
        now.trainSeconds = start.trainSeconds + Self.seconds(trainedTime)
        now.gradientSteps = start.gradientSteps + agent.gradientSteps
        return now
    }
    /// Environment steps of the whole run so far.
    public var timesteps: Int { progress.timesteps }
    /// Whether the step budget is spent or `stopWhenSolved` saw a solving evaluation.
    public var isFinished: Bool { progress.timesteps >= configuration.steps || solved }
    /// Keep every finished episode for the summary `finish()` returns (a long live session turns this off).
    public var keepsEpisodes = true
    /// Whether the agent learns: false replays a trained agent's greedy policy, telling it nothing.
    public var learns = true
    /// Keep the final state of each finished episode (`LockstepEnvironments.finishedCopy`) for a live view.
    public var keepsFinishedCopy: Bool {
        get { environments.keepsFinishedCopy }
        set { environments.keepsFinishedCopy = newValue }
    }

    private var progress: RunCounters
    private var solved = false
    private var summary: TrainingSummary
    private var log: RunLog?
    private var progressInterval = 1000
    private var progressReport: ((TrainingProgress) -> Void)?
    private var lastReport: Int
    private let clock = ContinuousClock()
    private var wallStart: ContinuousClock.Instant
    /// Seconds from the monitor's t_start to `wallStart` (a resumed run's t_start lies in the past).
    private var timeOffset = 0.0
    private var trainTime = Duration.zero
    /// When the training clock last started; nil while it is stopped (evaluating, or a paused session).
    private var clockStart: ContinuousClock.Instant?

    /// Builds and validates everything the run needs; nothing is half-configured if it throws.
    public convenience init(_ configuration: TrainingConfiguration) throws(TrainingError) {
        try self.init(configuration, continuing: .zero, resumePoint: nil)
    }

    /// A trainer for `configuration` whose counts go on from `counters`: a live session's next agent after a
    /// switch or reset. Its random streams are derived from the seed and the step count (as a resumed run's
    /// are), so the same commands at the same steps give the same run.
    public convenience init(_ configuration: TrainingConfiguration, continuing counters: RunCounters) throws(TrainingError) {
        try self.init(configuration, continuing: counters, resumePoint: nil)
    }

    /// Continues the run of `point` up to `steps` environment steps in all (the run's own budget if nil):
    /// its configuration, its networks from `model.safetensors`, Adam's moments and step counts and the target
    /// network from `training-state.safetensors` (`TrainingState`), its step, episode and time counters.
    ///
    /// Not restored, because no file holds them: the replay memory (it refills from empty), the agent's own
    /// step counter (so ε, PER's β and learning-starts run from their start again) and the episode in progress
    /// when the run ended (the environment is reset). The random streams are new ones derived from the seed and
    /// the step count, so a resumed segment does not replay the first segment's draws and resuming twice from
    /// the same point gives the same run. A run directory without `training-state.safetensors` resumes with
    /// fresh optimizers and θ⁻ = θ.
    public convenience init(resuming point: ResumePoint, steps: Int? = nil) throws(ResumeError) {
        var configuration = point.configuration
        if let steps { configuration.steps = steps }
        guard configuration.steps > point.timesteps else {
            throw .finished(timesteps: point.timesteps, steps: configuration.steps)
        }
        do {
            try self.init(configuration, continuing: point.counters, resumePoint: point)
        } catch {
            throw .invalid(path: point.runPath, reason: error.description)
        }
        do {
            try Checkpoint.load(from: point.modelPath, into: agent.networks)
        } catch {
            throw .invalid(path: point.modelPath, reason: error.description)
        }
        if FileManager.default.fileExists(atPath: point.statePath) {
            try TrainingState.restore(into: agent, timesteps: point.timesteps, from: point.statePath)
        } else {
            // Without the saved θ⁻, start it as a copy of the restored θ, as a new agent's target starts.
            for (prefix, target) in agent.targetNetworks { target.copyParameters(from: agent.networks[prefix]!) }
        }
    }

    /// A trainer that replays the agent saved in the checkpoint at `path` on the environment it was trained on:
    /// greedy actions, no learning (`learns` is false).
    public convenience init(replaying path: String) throws(AgentCheckpointError) {
        let loaded = try AgentCheckpoint.load(from: path)
        do {
            try self.init(loaded.configuration, continuing: .zero, resumePoint: nil)
        } catch {
            throw .badMetadata(path: path, reason: error.description)
        }
        do {
            try Checkpoint.load(from: path, into: agent.networks)
        } catch {
            throw .corrupt(error)
        }
        learns = false
    }

    private init(_ configuration: TrainingConfiguration, continuing counters: RunCounters,
                 resumePoint point: ResumePoint?) throws(TrainingError) {
        guard configuration.steps >= 1 else { throw .invalid("--steps must be a whole number ≥ 1, got \(configuration.steps)") }
        guard configuration.evaluationInterval >= 0 else {
            throw .invalid("--eval-every must be a whole number ≥ 0 (0: no evaluation), got \(configuration.evaluationInterval)")
        }
        guard configuration.evaluationEpisodes >= 1 else {
            throw .invalid("--eval-episodes must be a whole number ≥ 1, got \(configuration.evaluationEpisodes)")
        }
        if let problem = configuration.environment.problem { throw .invalid(problem) }
        self.configuration = configuration
        resumePoint = point
        start = counters
        progress = counters
        lastReport = counters.timesteps
        wallStart = clock.now
        summary = TrainingSummary(steps: counters.timesteps, episodes: [], trainSeconds: counters.trainSeconds,
                                  evaluations: [], solvedThreshold: nil)
        let seed = counters.timesteps > 0
            ? RunSeed(RunSeed(configuration.seed).derivedSeed(for: "resume", index: UInt64(counters.timesteps)))
            : RunSeed(configuration.seed)
        let hyperparameters = configuration.hyperparameters
        do {
            environments = try LockstepEnvironments(configuration.environment,
                                                    count: hyperparameters.values[.environments].map(Int.init) ?? 1, seed: seed)
            evaluationEnvironment = try configuration.environment.make(generator: seed.generator(for: "eval-env"))
        } catch {
            throw .environment(error)
        }
        let environment = environments.first
        solvedThreshold = EnvironmentSpec.solvedThreshold(of: environment)
        summary.solvedThreshold = solvedThreshold
        if configuration.stopWhenSolved {
            guard solvedThreshold != nil else {
                throw .invalid("--stop-when-solved: \(configuration.environment.name) has no solved threshold")
            }
            guard configuration.evaluationInterval > 0 else { throw .invalid("--stop-when-solved needs --eval-every N") }
        }
        let agentConfiguration = AgentConfiguration(
            observationCount: environment.observationCount, actionCount: environment.actionCount,
            totalSteps: configuration.steps, seed: seed, hyperparameters: hyperparameters,
            options: configuration.options, isGoalEnvironment: environment is any GoalEnvironment)
        if let problem = agentConfiguration.memoryProblem() { throw .invalid(problem) }
        do {
            agent = try AlgorithmRegistry.make(agentConfiguration)
        } catch {
            throw .algorithm(error)
        }
    }

    /// Trains for the step budget (or until solved, when asked), writing to `log` if given, and every
    /// `progressInterval` steps and at the last step reporting progress to `progress` and to the log's
    /// `progress.csv`. A resumed trainer counts on from its resume point.
    ///
    /// The thread that trains should have flush-to-zero set (`FloatingPointEnvironment.enableFlushToZero()`,
    /// as `rlterm train` does before calling this): Adam's subnormal moments are slow otherwise. The trainer
    /// does not set it itself because the mode cannot be restored, and a caller's thread — a test runner's
    /// shared worker, say — may not expect its floating-point mode to change.
    public func run(log: RunLog? = nil, progressInterval: Int = 1000,
                    progress: ((TrainingProgress) -> Void)? = nil) throws(TrainingError) -> TrainingSummary {
        begin(log: log, progressInterval: progressInterval, progress: progress)
        while !isFinished {
            try advance()
        }
        return try finish()
    }

    /// Prepares the run for `advance()`: where it logs and reports progress; resets the environments and starts
    /// the training clock.
    public func begin(log: RunLog? = nil, progressInterval: Int = 1000, progress: ((TrainingProgress) -> Void)? = nil) {
        precondition(progressInterval >= 1, "report progress at least every step")
        self.log = log
        self.progressInterval = progressInterval
        progressReport = progress
        wallStart = clock.now
        timeOffset = log.map { Date().timeIntervalSince1970 - $0.startTime } ?? 0
        environments.reset(for: agent)
        resumeClock()
    }

    /// One transition (and, when due, a progress report and a greedy evaluation): which copy stepped, what
    /// the step gave, and the episode that ended with it, if one did. Throws when the agent refused a
    /// non-finite update (nothing is saved then, so the last good checkpoint stays) or a log or checkpoint
    /// cannot be written.
    @discardableResult
    public func advance() throws(TrainingError) -> TrainingStep {
        let step = progress.timesteps + 1
        let (outcome, finished) = environments.step(agent, learning: learns)
        if let failure = agent.failure { throw .agentFailed(step: step, reason: failure) }
        progress.timesteps = step
        var record: EpisodeRecord?
        if let finished {
            let episode = EpisodeRecord(reward: finished.reward, length: finished.length,
                                        time: timeOffset + Self.seconds(clock.now - wallStart))
            progress.recordEpisode(reward: finished.reward)
            if keepsEpisodes { summary.episodes.append(episode) }
            do { try log?.record(episode) } catch { throw .log(error) }
            record = episode
        }
        if step % progressInterval == 0 || step == configuration.steps { try report() }
        if configuration.evaluationInterval > 0 && step % configuration.evaluationInterval == 0 { try evaluate() }
        return TrainingStep(copy: environments.lastStepped, outcome: outcome, episode: record)
    }

    /// Stops the training clock (a paused session): time until `resumeClock()` is not training time.
    public func suspendClock() {
        guard let clockStart else { return }
        trainTime += clock.now - clockStart
        self.clockStart = nil
    }

    /// Starts the training clock again after `suspendClock()`.
    public func resumeClock() {
        if clockStart == nil { clockStart = clock.now }
    }

    /// Ends the run: the last progress report, and with a log the final networks (`model.safetensors`) and the
    /// optimizers' state (`training-state.safetensors`), each written atomically. Returns the summary.
    public func finish() throws(TrainingError) -> TrainingSummary {
        if lastReport != progress.timesteps { try report() }
        suspendClock()
        summary.steps = progress.timesteps
        summary.trainSeconds = start.trainSeconds + Self.seconds(trainTime)
        if let log {
            do {
                try AgentCheckpoint.save(agent, configuration: configuration, timesteps: progress.timesteps, to: log.modelPath)
                try TrainingState.save(agent, timesteps: progress.timesteps, to: log.statePath)
            } catch {
                throw .checkpoint(error)
            }
        }
        return summary
    }

    /// Training time of this trainer so far.
    private var trainedTime: Duration {
        trainTime + (clockStart.map { clock.now - $0 } ?? .zero)
    }

    private func report() throws(TrainingError) {
        lastReport = progress.timesteps
        guard log != nil || progressReport != nil else { return }
        let elapsed = Self.seconds(trainedTime)
        let now = counters
        let current = TrainingProgress(
            steps: now.timesteps, totalSteps: configuration.steps, episodes: now.episodes, meanReturn: now.meanRecentReturn,
            stepsPerSecond: elapsed > 0 ? Double(now.timesteps - start.timesteps) / elapsed : 0,
            trainSeconds: now.trainSeconds, lastLoss: agent.lastLoss, gradientSteps: now.gradientSteps,
            epsilon: agent.explorationRate)
        do { try log?.record(current) } catch { throw .log(error) }
        progressReport?(current)
    }

    /// A greedy evaluation outside the training clock; its networks become `best.safetensors` when it beats
    /// every earlier one.
    private func evaluate() throws(TrainingError) {
        let wasRunning = clockStart != nil
        suspendClock()
        let result = GreedyEvaluation.run(agent, on: &evaluationEnvironment, episodes: configuration.evaluationEpisodes)
        let trainSeconds = start.trainSeconds + Self.seconds(trainTime)
        let step = progress.timesteps
        summary.evaluations.append(TrainingSummary.Evaluation(timesteps: step, result: result, trainSeconds: trainSeconds))
        if let log {
            do { try log.record(result, timesteps: step, trainSeconds: trainSeconds) } catch { throw .log(error) }
            if result.meanReturn > (progress.bestEvaluation ?? -.infinity) {
                do {
                    try AgentCheckpoint.save(agent, configuration: configuration, timesteps: step, to: log.bestPath)
                } catch {
                    throw .checkpoint(error)
                }
            }
        }
        progress.bestEvaluation = max(progress.bestEvaluation ?? -.infinity, result.meanReturn)
        if configuration.stopWhenSolved, let solvedThreshold, result.meanReturn >= solvedThreshold { solved = true }
        if wasRunning { resumeClock() }
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}
