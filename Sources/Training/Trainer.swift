import Agents
import Foundation
import NeuralNet
import RLCore

/// The headless training loop: one environment (or N_env copies stepped in turn, `LockstepEnvironments`),
/// one agent, a step budget counted in transitions. It is the core that the training engine's background
/// session will drive; `rlterm train` runs it directly.
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

    /// Builds and validates everything the run needs; nothing is half-configured if it throws.
    public convenience init(_ configuration: TrainingConfiguration) throws(TrainingError) {
        try self.init(configuration, resumingFrom: nil)
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
            try self.init(configuration, resumingFrom: point)
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
        } else if let qAgent = agent as? any QFunctionAgent {
            // Without the saved θ⁻, start it as a copy of the restored θ, as a new agent's target starts.
            qAgent.qFunction.target?.copyParameters(from: qAgent.qFunction.network)
        }
    }

    private init(_ configuration: TrainingConfiguration, resumingFrom point: ResumePoint?) throws(TrainingError) {
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
        let seed = point.map { RunSeed(RunSeed(configuration.seed).derivedSeed(for: "resume", index: UInt64($0.timesteps))) }
            ?? RunSeed(configuration.seed)
        let hyperparameters: Hyperparameters
        do {
            hyperparameters = try configuration.resolvedHyperparameters()
        } catch {
            throw .hyperparameter(error)
        }
        do {
            environments = try LockstepEnvironments(configuration.environment,
                                                    count: hyperparameters.values[.environments].map(Int.init) ?? 1, seed: seed)
            evaluationEnvironment = try configuration.environment.make(generator: seed.generator(for: "eval-env"))
        } catch {
            throw .environment(error)
        }
        let environment = environments.first
        solvedThreshold = EnvironmentSpec.solvedThreshold(of: environment)
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
        precondition(progressInterval >= 1, "report progress at least every step")
        let clock = ContinuousClock()
        let wallStart = clock.now
        // Episode times count from the monitor's t_start, which for a resumed run lies in the past.
        let timeOffset = log.map { Date().timeIntervalSince1970 - $0.startTime } ?? 0
        var trainTime = Duration.zero
        var segmentStart = clock.now
        func seconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        }
        let firstStep = (resumePoint?.timesteps ?? 0) + 1
        var summary = TrainingSummary(steps: firstStep - 1, episodes: [], trainSeconds: 0, evaluations: [],
                                      solvedThreshold: solvedThreshold)
        var recentReturns = resumePoint?.recentReturns ?? []
        var bestMean = resumePoint?.bestEvaluation ?? -Double.infinity
        var lastReport = firstStep - 1

        func report(_ step: Int) throws(TrainingError) {
            lastReport = step
            guard log != nil || progress != nil else { return }
            let elapsed = seconds(trainTime + (clock.now - segmentStart))
            let epsilon = (agent as? any QFunctionAgent)?.epsilon
            let current = TrainingProgress(
                steps: step, totalSteps: configuration.steps, episodes: (resumePoint?.episodes ?? 0) + summary.episodes.count,
                meanReturn: recentReturns.isEmpty ? nil : recentReturns.reduce(0, +) / Double(recentReturns.count),
                stepsPerSecond: elapsed > 0 ? Double(step - firstStep + 1) / elapsed : 0,
                trainSeconds: (resumePoint?.trainSeconds ?? 0) + elapsed, lastLoss: agent.lastLoss,
                gradientSteps: (resumePoint?.gradientSteps ?? 0) + agent.gradientSteps, epsilon: epsilon)
            do { try log?.record(current) } catch { throw .log(error) }
            progress?(current)
        }

        environments.reset(for: agent)
        for step in firstStep...configuration.steps {
            let finished = environments.step(agent).finished
            // A refused non-finite update: stop before any checkpoint could carry it; best.safetensors stays.
            if let failure = agent.failure { throw .agentFailed(step: step, reason: failure) }
            if let finished {
                let record = EpisodeRecord(reward: finished.reward, length: finished.length,
                                           time: timeOffset + seconds(clock.now - wallStart))
                summary.episodes.append(record)
                recentReturns.append(finished.reward)
                if recentReturns.count > 100 { recentReturns.removeFirst() }
                do { try log?.record(record) } catch { throw .log(error) }
            }
            summary.steps = step

            if step % progressInterval == 0 || step == configuration.steps { try report(step) }

            if configuration.evaluationInterval > 0 && step % configuration.evaluationInterval == 0 {
                trainTime += clock.now - segmentStart
                let result = GreedyEvaluation.run(agent, on: &evaluationEnvironment, episodes: configuration.evaluationEpisodes)
                let trainSeconds = (resumePoint?.trainSeconds ?? 0) + seconds(trainTime)
                let evaluation = TrainingSummary.Evaluation(timesteps: step, result: result, trainSeconds: trainSeconds)
                summary.evaluations.append(evaluation)
                if let log {
                    do { try log.record(result, timesteps: step, trainSeconds: trainSeconds) } catch { throw .log(error) }
                    if result.meanReturn > bestMean {
                        do {
                            try AgentCheckpoint.save(agent, configuration: configuration, timesteps: step, to: log.bestPath)
                        } catch {
                            throw .checkpoint(error)
                        }
                    }
                }
                bestMean = max(bestMean, result.meanReturn)
                segmentStart = clock.now
                if configuration.stopWhenSolved, let solvedThreshold, result.meanReturn >= solvedThreshold { break }
            }
        }
        if lastReport != summary.steps { try report(summary.steps) }
        trainTime += clock.now - segmentStart
        summary.trainSeconds = (resumePoint?.trainSeconds ?? 0) + seconds(trainTime)
        if let log {
            do {
                try AgentCheckpoint.save(agent, configuration: configuration, timesteps: summary.steps, to: log.modelPath)
                try TrainingState.save(agent, timesteps: summary.steps, to: log.statePath)
            } catch {
                throw .checkpoint(error)
            }
        }
        return summary
    }
}
