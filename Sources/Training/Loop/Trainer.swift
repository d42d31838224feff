import Agents
import Foundation
import NeuralNet
import RLCore

/// The training loop: one environment (or N_env copies stepped in turn, `LockstepEnvironments`), one agent,
/// a step budget counted in transitions. `rlterm train` runs it to the end with `run(observers:progressInterval:until:)`;
/// the live `TrainingSession` calls `advance()` one transition at a time, with commands applied in between.
///
/// Each step: a = agent.act(s); (r, terminated, truncated) = env.step(a); agent.observe(s, a, r, s′, …);
/// at the end of an episode the environment is reset. The trainer itself only steps and counts; what a run
/// does besides is told to its `TrainingObserver`s: finished episodes, progress points every
/// `progressInterval` steps, greedy evaluations (`GreedyEvaluator`: every `evaluationInterval` steps on a
/// second environment with its own random stream, outside the training clock) and the end of the run.
/// Time comes from a `TrainingClock`, so tests can drive it.
public final class Trainer {
    public let configuration: TrainingConfiguration
    public let agent: any Agent
    /// The environment copies the agent trains on: one unless the algorithm reads N_env.
    public internal(set) var environments: LockstepEnvironments
    /// The environment a single-environment run trains on (copy 0).
    public var environment: any Environment { environments.first }
    /// The mean evaluation return that counts as solved, if the environment has one.
    public let solvedThreshold: Double?

    /// Where a resumed run continues from; nil for a new run.
    public let resumePoint: ResumePoint?
    /// The counts this trainer started from (zero for a new run).
    public let start: RunCounters
    /// The counts of the whole run so far: `start` plus this trainer's steps, episodes and training time.
    public var counters: RunCounters {
        var now = progress
        now.trainSeconds = start.trainSeconds + Self.seconds(stopwatch.elapsed)
        now.gradientSteps = start.gradientSteps + agent.gradientSteps
        now.bestEvaluation = evaluator.best
        return now
    }
    /// Environment steps of the whole run so far.
    public var timesteps: Int { progress.timesteps }
    /// Whether the step budget is spent or `stopWhenSolved` saw a solving evaluation.
    public var isFinished: Bool { progress.timesteps >= configuration.steps || evaluator.isSolved }
    /// Whether the agent learns: false (`init(replaying:)`) replays a trained agent's greedy policy, telling it nothing.
    public let learns: Bool
    /// Keep the final state of each finished episode (`LockstepEnvironments.finishedCopy`) for a live view.
    public var keepsFinishedCopy: Bool {
        get { environments.keepsFinishedCopy }
        set { environments.keepsFinishedCopy = newValue }
    }

    var progress: RunCounters
    /// Whether the environments hold episodes in progress that `begin` must continue rather than reset: a trainer
    /// restored from a run checkpoint.
    var continuesEpisodes = false
    /// Steps between two `TrainingObserver.trainerReachedCheckpoint` calls; 0 never calls it.
    public var checkpointInterval = 0
    var evaluator: GreedyEvaluator
    /// Checks every fit of the agent's value function against the bound the environment's rewards give.
    var watchdog: DivergenceWatchdog
    /// The agent's gradient steps when the watchdog last looked.
    var watchedGradientSteps = 0
    /// The step at which the watchdog reported and what: the run cannot go on with these networks.
    private var divergence: (step: Int, reason: String)?
    private var observers: [any TrainingObserver] = []
    private var progressInterval = 1000
    /// The step of the last progress point.
    var lastReport: Int
    /// The episodes kept for the summary `finish()` returns, when the run keeps them.
    private var episodes: [EpisodeRecord] = []
    private var keepsEpisodes = true
    private let clock: any TrainingClock
    /// When the run began: episodes' times count from it.
    private var beginning: Duration
    /// Training time: stopped while evaluating and while a live session is paused.
    private var stopwatch: Stopwatch

    /// Builds and validates everything the run needs; nothing is half-configured if it throws.
    public convenience init(_ configuration: TrainingConfiguration,
                            clock: any TrainingClock = ContinuousTrainingClock()) throws(TrainingError) {
        try self.init(configuration, continuing: .zero, seed: RunSeed(configuration.seed), resumePoint: nil,
                      learns: true, clock: clock)
    }

    /// A trainer for `configuration` whose counts go on from `counters`: a live session's next agent after a
    /// switch or reset. Its random streams come from `configuration.seed` exactly as a new run's do, so
    /// `rlterm train` with that seed and configuration replays its episodes.
    public convenience init(_ configuration: TrainingConfiguration, continuing counters: RunCounters,
                            clock: any TrainingClock = ContinuousTrainingClock()) throws(TrainingError) {
        try self.init(configuration, continuing: counters, seed: RunSeed(configuration.seed), resumePoint: nil,
                      learns: true, clock: clock)
    }

    /// Continues the run of `point` up to `steps` environment steps in all (the run's own budget if nil). With a
    /// run checkpoint (`point.state`) everything is restored from it (`init(restoring:configuration:resumePoint:clock:)`)
    /// and the run goes on as if it had never stopped. A directory written before run checkpoints existed
    /// resumes partially, as rlterm did then: its configuration, its networks from `model.safetensors`, Adam's moments and step counts and the target
    /// network from `training-state.safetensors` (`TrainingState`), its step, episode and time counters.
    ///
    /// Not restored, because no file holds them: the replay memory (it refills from empty), the agent's own
    /// step counter (so ε, PER's β and learning-starts run from their start again) and the episode in progress
    /// when the run ended (the environment is reset). The random streams are new ones derived from the seed and
    /// the step count, so a resumed segment does not replay the first segment's draws and resuming twice from
    /// the same point gives the same run. A run directory without `training-state.safetensors` resumes with
    /// fresh optimizers and θ⁻ = θ.
    public convenience init(resuming point: ResumePoint, steps: Int? = nil,
                            clock: any TrainingClock = ContinuousTrainingClock()) throws(ResumeError) {
        var configuration = point.configuration
        if let steps { configuration.steps = steps }
        if let state = point.state {
            try self.init(restoring: state, configuration: configuration, resumePoint: point, clock: clock)
            return
        }
        guard configuration.steps > point.timesteps else {
            throw .finished(timesteps: point.timesteps, steps: configuration.steps)
        }
        do {
            let steps = point.counters.timesteps
            let seed = steps > 0
                ? RunSeed(RunSeed(configuration.seed).derivedSeed(for: "resume", index: UInt64(steps)))
                : RunSeed(configuration.seed)
            try self.init(configuration, continuing: point.counters, seed: seed, resumePoint: point, learns: true,
                          clock: clock)
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
            for (prefix, target) in agent.targetNetworks { target.assignParameters(from: agent.networks[prefix]!) }
        }
    }

    /// A trainer that replays the agent saved in the checkpoint at `path` on the environment it was trained on:
    /// greedy actions, no learning (`learns` is false).
    public convenience init(replaying path: String,
                            clock: any TrainingClock = ContinuousTrainingClock()) throws(AgentCheckpointError) {
        let loaded = try AgentCheckpoint.load(from: path)
        do {
            try self.init(loaded.configuration, continuing: .zero, seed: RunSeed(loaded.configuration.seed),
                          resumePoint: nil, learns: false, clock: clock)
        } catch {
            throw .badMetadata(path: path, reason: error.description)
        }
        do {
            try Checkpoint.load(from: path, into: agent.networks)
        } catch {
            throw .corrupt(error)
        }
    }

    init(_ configuration: TrainingConfiguration, continuing counters: RunCounters, seed: RunSeed,
                 resumePoint point: ResumePoint?, learns: Bool, clock: any TrainingClock) throws(TrainingError) {
        guard configuration.steps >= 1 else { throw .invalid("--steps must be a whole number ≥ 1, got \(configuration.steps)") }
        guard configuration.evaluationInterval >= 0 else {
            throw .invalid("--eval-every must be a whole number ≥ 0 (0: no evaluation), got \(configuration.evaluationInterval)")
        }
        guard configuration.evaluationEpisodes >= 1 else {
            throw .invalid("--eval-episodes must be a whole number ≥ 1, got \(configuration.evaluationEpisodes)")
        }
        if let problem = configuration.environment.problem { throw .invalid(problem) }
        self.configuration = configuration
        self.learns = learns
        self.clock = clock
        resumePoint = point
        start = counters
        progress = counters
        lastReport = counters.timesteps
        beginning = clock.now
        stopwatch = Stopwatch(clock: clock)
        let hyperparameters = configuration.hyperparameters
        let evaluationEnvironment: any Environment
        // A gym seed seeds the training copies only: evaluations keep the run's "eval-env" stream, and a resumed
        // segment its own derived streams, since gymnasium's generator state is not saved with the run.
        var trainingSpec = configuration.environment, evaluationSpec = configuration.environment
        evaluationSpec.gymSeed = nil
        if let point, point.counters.timesteps > 0 { trainingSpec.gymSeed = nil }
        do {
            environments = try LockstepEnvironments(trainingSpec,
                                                    count: hyperparameters.values[.environments].map(Int.init) ?? 1, seed: seed)
            evaluationEnvironment = try evaluationSpec.make(generator: seed.generator(for: "eval-env"))
        } catch {
            throw .environment(error)
        }
        let environment = environments.first
        solvedThreshold = EnvironmentSpec.solvedThreshold(of: environment)
        watchdog = DivergenceWatchdog(environment: environment)
        if configuration.stopWhenSolved {
            guard solvedThreshold != nil else {
                throw .invalid("--stop-when-solved: \(configuration.environment.name) has no solved threshold")
            }
            guard configuration.evaluationInterval > 0 else { throw .invalid("--stop-when-solved needs --eval-every N") }
        }
        evaluator = GreedyEvaluator(interval: configuration.evaluationInterval, episodes: configuration.evaluationEpisodes,
                                    stopThreshold: configuration.stopWhenSolved ? solvedThreshold : nil,
                                    environment: evaluationEnvironment, best: counters.bestEvaluation)
        let agentConfiguration = AgentConfiguration(
            for: environment, totalSteps: configuration.steps, seed: seed, hyperparameters: hyperparameters,
            options: configuration.options)
        if let problem = agentConfiguration.memoryProblem() { throw .invalid(problem) }
        do {
            agent = try AlgorithmRegistry.make(agentConfiguration)
        } catch {
            throw .algorithm(error)
        }
        watchedGradientSteps = agent.gradientSteps
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
        try run(observers: Self.observers(log: log, progress: progress), progressInterval: progressInterval) { false }
    }

    /// Trains for the step budget, until solved when asked, or until `shouldStop` (asked before every step)
    /// says to stop, telling `observers`; ends the run as `finish()` does, so a stopped run can be resumed.
    public func run(observers: [any TrainingObserver], progressInterval: Int = 1000,
                    until shouldStop: () -> Bool) throws(TrainingError) -> TrainingSummary {
        begin(observers: observers, progressInterval: progressInterval)
        while !isFinished && !shouldStop() {
            try advance()
        }
        return try finish()
    }

    /// The observers of a run that writes to `log` (its rows, then its checkpoints, the newest `keptCheckpoints`
    /// run checkpoints kept) and reports progress to `progress`.
    public static func observers(log: RunLog?, progress: ((TrainingProgress) -> Void)? = nil,
                                 keptCheckpoints: Int = RunCheckpoint.defaultKept) -> [any TrainingObserver] {
        var observers: [any TrainingObserver] = []
        if let log {
            observers += [RunLogWriter(log: log), CheckpointWriter(log: log, keptCheckpoints: keptCheckpoints)]
                as [any TrainingObserver]
        }
        if let progress { observers.append(ProgressReporter(progress)) }
        return observers
    }

    /// Prepares the run for `advance()` with the observers `observers(log:progress:)` gives.
    public func begin(log: RunLog? = nil, progressInterval: Int = 1000, keepingEpisodes: Bool = true,
                      progress: ((TrainingProgress) -> Void)? = nil) {
        begin(observers: Self.observers(log: log, progress: progress), progressInterval: progressInterval,
              keepingEpisodes: keepingEpisodes)
    }

    /// Prepares the run for `advance()`: whom it tells, how many steps lie between progress points, and whether
    /// the summary keeps every finished episode (a long live session does not); resets the environments and
    /// starts the training clock.
    public func begin(observers: [any TrainingObserver], progressInterval: Int = 1000, keepingEpisodes: Bool = true) {
        precondition(progressInterval >= 1, "report progress at least every step")
        self.observers = observers
        self.progressInterval = progressInterval
        keepsEpisodes = keepingEpisodes
        beginning = clock.now
        if !continuesEpisodes { environments.reset(for: agent) }
        resumeClock()
    }

    /// One transition (and, when due, a progress point and a greedy evaluation): which copy stepped, what
    /// the step gave, and the episode that ended with it, if one did. Throws when the agent refused a
    /// non-finite update or its values diverged (`DivergenceWatchdog`) — nothing is saved then, so the last
    /// good checkpoint stays, and every later call throws the same — or an observer failed to write a log or
    /// checkpoint.
    @discardableResult
    public func advance() throws(TrainingError) -> TrainingStep {
        let step = progress.timesteps + 1
        if let divergence { throw .agentFailed(step: divergence.step, reason: divergence.reason) }
        let (outcome, finished) = environments.step(agent, learning: learns)
        if let failure = agent.failure { throw .agentFailed(step: step, reason: failure) }
        try watch(step: step)
        progress.timesteps = step
        var record: EpisodeRecord?
        if let finished {
            let episode = EpisodeRecord(reward: finished.reward, length: finished.length,
                                        time: Self.seconds(clock.now - beginning))
            progress.recordEpisode(reward: finished.reward)
            if keepsEpisodes { episodes.append(episode) }
            for observer in observers { try observer.trainer(self, finished: episode) }
            record = episode
        }
        if step % progressInterval == 0 || step == configuration.steps { try report() }
        if evaluator.isDue(after: step) { try evaluate() }
        if checkpointInterval > 0, step % checkpointInterval == 0 {
            for observer in observers { try observer.trainerReachedCheckpoint(self) }
        }
        return TrainingStep(copy: environments.lastStepped, outcome: outcome, episode: record)
    }

    /// Hands the watchdog the agent's last fit, if it fitted since the last look.
    private func watch(step: Int) throws(TrainingError) {
        let gradientSteps = agent.gradientSteps
        guard gradientSteps != watchedGradientSteps else { return }
        watchedGradientSteps = gradientSteps
        guard let reading = agent.lastValueFit,
              let report = watchdog.check(reading, gamma: agent.hyperparameters.values[.gamma] ?? 1) else { return }
        divergence = (step, report.description)
        throw .agentFailed(step: step, reason: report.description)
    }

    /// Stops the training clock (a paused session): time until `resumeClock()` is not training time.
    public func suspendClock() {
        stopwatch.stop()
    }

    /// Starts the training clock again after `suspendClock()`.
    public func resumeClock() {
        stopwatch.start()
    }

    /// Ends the run: the observers' end (a log's `CheckpointWriter` writes the final networks and the run
    /// checkpoint), then the last progress point if the run stopped between two. The checkpoint comes first so it
    /// records the logs as the run that never stopped has them: a resumed run drops that extra row.
    /// Returns the summary.
    public func finish() throws(TrainingError) -> TrainingSummary {
        suspendClock()
        for observer in observers { try observer.trainerFinished(self) }
        if lastReport != progress.timesteps { try report() }
        return TrainingSummary(steps: progress.timesteps, episodes: episodes,
                               trainSeconds: start.trainSeconds + Self.seconds(stopwatch.elapsed),
                               evaluations: evaluator.evaluations, solvedThreshold: solvedThreshold)
    }

    private func report() throws(TrainingError) {
        lastReport = progress.timesteps
        guard !observers.isEmpty else { return }
        let elapsed = Self.seconds(stopwatch.elapsed)
        let now = counters
        let current = TrainingProgress(
            steps: now.timesteps, totalSteps: configuration.steps, episodes: now.episodes, meanReturn: now.meanRecentReturn,
            stepsPerSecond: elapsed > 0 ? Double(now.timesteps - start.timesteps) / elapsed : 0,
            trainSeconds: now.trainSeconds, lastLoss: agent.lastLoss, gradientSteps: now.gradientSteps,
            epsilon: agent.explorationRate)
        for observer in observers { try observer.trainer(self, reported: current) }
    }

    /// A greedy evaluation, outside the training clock, told to the observers.
    private func evaluate() throws(TrainingError) {
        let wasRunning = stopwatch.isRunning
        suspendClock()
        let (evaluation, isBest) = evaluator.evaluate(agent, timesteps: progress.timesteps,
                                                      trainSeconds: start.trainSeconds + Self.seconds(stopwatch.elapsed))
        for observer in observers { try observer.trainer(self, evaluated: evaluation, isBest: isBest) }
        if wasRunning { resumeClock() }
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}
