import Agents
import Foundation
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

    /// Builds and validates everything the run needs; nothing is half-configured if it throws.
    public init(_ configuration: TrainingConfiguration) throws(TrainingError) {
        guard configuration.steps >= 1 else { throw .invalid("--steps must be a whole number ≥ 1, got \(configuration.steps)") }
        guard configuration.evaluationInterval >= 0 else {
            throw .invalid("--eval-every must be a whole number ≥ 0 (0: no evaluation), got \(configuration.evaluationInterval)")
        }
        guard configuration.evaluationEpisodes >= 1 else {
            throw .invalid("--eval-episodes must be a whole number ≥ 1, got \(configuration.evaluationEpisodes)")
        }
        if let problem = configuration.environment.problem { throw .invalid(problem) }
        self.configuration = configuration
        let seed = RunSeed(configuration.seed)
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
        do {
            agent = try AlgorithmRegistry.make(AgentConfiguration(
                observationCount: environment.observationCount, actionCount: environment.actionCount,
                totalSteps: configuration.steps, seed: seed, hyperparameters: hyperparameters, options: configuration.options,
                isGoalEnvironment: environment is any GoalEnvironment))
        } catch {
            throw .algorithm(error)
        }
    }

    /// Trains for the step budget (or until solved, when asked), writing to `log` if given and calling
    /// `progress` every `progressInterval` steps.
    ///
    /// The thread that trains should have flush-to-zero set (`FloatingPointEnvironment.enableFlushToZero()`,
    /// as `rlterm train` does before calling this): Adam's subnormal moments are slow otherwise. The trainer
    /// does not set it itself because the mode cannot be restored, and a caller's thread — a test runner's
    /// shared worker, say — may not expect its floating-point mode to change.
    public func run(log: RunLog? = nil, progressInterval: Int = 1000,
                    progress: ((TrainingProgress) -> Void)? = nil) throws(TrainingError) -> TrainingSummary {
        let clock = ContinuousClock()
        let wallStart = clock.now
        var trainTime = Duration.zero
        var segmentStart = clock.now
        func seconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        }
        var summary = TrainingSummary(steps: 0, episodes: [], trainSeconds: 0, evaluations: [], solvedThreshold: solvedThreshold)
        var bestMean = -Double.infinity

        environments.reset(for: agent)
        for step in 1...configuration.steps {
            let finished = environments.step(agent).finished
            // A refused non-finite update: stop before any checkpoint could carry it; best.safetensors stays.
            if let failure = agent.failure { throw .agentFailed(step: step, reason: failure) }
            if let finished {
                let record = EpisodeRecord(reward: finished.reward, length: finished.length, time: seconds(clock.now - wallStart))
                summary.episodes.append(record)
                do { try log?.record(record) } catch { throw .log(error) }
            }
            summary.steps = step

            if let progress, step % progressInterval == 0 || step == configuration.steps {
                let elapsed = seconds(trainTime + (clock.now - segmentStart))
                let recent = summary.episodes.suffix(100)
                progress(TrainingProgress(
                    steps: step, totalSteps: configuration.steps, episodes: summary.episodes.count,
                    meanReturn: recent.isEmpty ? nil : recent.reduce(0) { $0 + $1.reward } / Double(recent.count),
                    stepsPerSecond: elapsed > 0 ? Double(step) / elapsed : 0, trainSeconds: elapsed, lastLoss: agent.lastLoss))
            }

            if configuration.evaluationInterval > 0 && step % configuration.evaluationInterval == 0 {
                trainTime += clock.now - segmentStart
                let result = GreedyEvaluation.run(agent, on: &evaluationEnvironment, episodes: configuration.evaluationEpisodes)
                let evaluation = TrainingSummary.Evaluation(timesteps: step, result: result, trainSeconds: seconds(trainTime))
                summary.evaluations.append(evaluation)
                if let log {
                    do { try log.record(result, timesteps: step, trainSeconds: evaluation.trainSeconds) } catch { throw .log(error) }
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
        trainTime += clock.now - segmentStart
        summary.trainSeconds = seconds(trainTime)
        if let log {
            do {
                try AgentCheckpoint.save(agent, configuration: configuration, timesteps: summary.steps, to: log.modelPath)
            } catch {
                throw .checkpoint(error)
            }
        }
        return summary
    }
}
