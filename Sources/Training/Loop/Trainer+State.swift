import Agents
import NeuralNet
import RLCore

extension Trainer {
    /// The parts of a run checkpoint and the version of each that this rlterm writes (`docs/CHECKPOINTS.md`).
    public static let stateVersions = ["agent": 1, "environments": 1, "evaluation": 1, "trainer": 1]

    /// The whole state of the run between two steps: the agent's (`Agent.saveState`), the training environments'
    /// with the episode in progress in each, the evaluation environment's, and the trainer's counts, last progress
    /// point and divergence watchdog. A trainer restored from it (`init(restoring:configuration:resumePoint:clock:)`)
    /// takes the very steps this one would have taken.
    public func savedState() -> [String: StatePart] {
        var trainer = StatePart()
        let now = counters
        trainer.set("timesteps", integer: now.timesteps)
        trainer.set("episodes", integer: now.episodes)
        trainer.set("recent_returns", doubles: now.recentReturns)
        trainer.set("train_seconds", double: now.trainSeconds)
        trainer.set("gradient_steps", integer: now.gradientSteps)
        trainer.set("earlier_gradient_steps", integer: start.gradientSteps)
        trainer.set("best_evaluation", optional: now.bestEvaluation)
        trainer.set("last_report", integer: lastReport)
        trainer.set("watched_gradient_steps", integer: watchedGradientSteps)
        var watchdogPart = StatePart()
        watchdog.saveState(into: &watchdogPart)
        trainer.storing("watchdog", watchdogPart)
        var environmentsPart = StatePart()
        environments.saveState(into: &environmentsPart)
        var evaluation = StatePart()
        evaluation.storing("environment", evaluator.environment.savedState)
        return ["agent": agent.savedState, "environments": environmentsPart, "evaluation": evaluation, "trainer": trainer]
    }

    /// A trainer that goes on from a run checkpoint, with `configuration` (the run's own, or with a larger step
    /// budget): built as a new run's trainer, then every part restored over it, so the next `advance()` continues
    /// the episode in progress rather than resetting. Throws `ResumeError.invalid` naming the file and the part.
    public convenience init(restoring state: RunStateFile.Contents, configuration: TrainingConfiguration,
                            resumePoint: ResumePoint?, clock: any TrainingClock = ContinuousTrainingClock())
        throws(ResumeError)
    {
        func part(_ name: String) throws(ResumeError) -> StatePart {
            guard let part = state.parts[name] else { throw .invalid(path: state.path, reason: "part '\(name)' is missing") }
            guard let version = state.versions[name], version <= Self.stateVersions[name]! else {
                throw .invalid(path: state.path, reason: "part '\(name)' has a version this rlterm does not read")
            }
            return part
        }
        func reading<T>(_ name: String, _ read: () throws(StatePartError) -> T) throws(ResumeError) -> T {
            do {
                return try read()
            } catch {
                throw .invalid(path: state.path, reason: "part '\(name)': \(error)")
            }
        }
        let trainerPart = try part("trainer")
        // The agent's own gradient steps come back with it; the trainer adds those of the run's earlier agents.
        let counters = try reading("trainer") { () throws(StatePartError) in
            var counters = try RunCounters(restoring: trainerPart)
            counters.gradientSteps = try trainerPart.integer("earlier_gradient_steps", in: 0...counters.gradientSteps)
            return counters
        }
        guard configuration.steps > counters.timesteps else {
            throw .finished(timesteps: counters.timesteps, steps: configuration.steps)
        }
        do {
            try self.init(configuration, continuing: counters, seed: RunSeed(configuration.seed), resumePoint: resumePoint,
                          learns: true, clock: clock)
        } catch {
            throw .invalid(path: state.path, reason: error.description)
        }
        let agentPart = try part("agent"), environmentsPart = try part("environments")
        let evaluationPart = try part("evaluation")
        try reading("agent") { () throws(StatePartError) in try agent.restoreState(from: agentPart) }
        try reading("environments") { () throws(StatePartError) in try environments.restoreState(from: environmentsPart) }
        try reading("evaluation") { () throws(StatePartError) in
            try evaluationPart.restoring("environment") { saved throws(StatePartError) in
                try evaluator.environment.restoreState(from: saved)
            }
        }
        try reading("trainer") { () throws(StatePartError) in
            lastReport = try trainerPart.integer("last_report", in: 0...counters.timesteps)
            watchedGradientSteps = try trainerPart.integer("watched_gradient_steps")
            try trainerPart.restoring("watchdog") { saved throws(StatePartError) in try watchdog.restoreState(from: saved) }
        }
        continuesEpisodes = true
    }
}

extension RunCounters {
    /// The counts a run checkpoint's `trainer` part records, checked.
    init(restoring part: StatePart) throws(StatePartError) {
        let returns = try part.doubles("recent_returns")
        guard returns.count <= Self.recentWindow else {
            throw .wrongCount(key: "recent_returns", expected: Self.recentWindow, found: returns.count)
        }
        if let index = returns.firstIndex(where: { !$0.isFinite }) { throw .notFinite(key: "recent_returns", index: index) }
        let episodes = try part.integer("episodes")
        guard returns.count == min(episodes, Self.recentWindow) else {
            throw .mismatch(key: "recent_returns", reason: "\(returns.count) returns for \(episodes) episodes")
        }
        self.init(timesteps: try part.integer("timesteps"), episodes: episodes, recentReturns: returns,
                  trainSeconds: try part.double("train_seconds"), gradientSteps: try part.integer("gradient_steps"),
                  bestEvaluation: try part.optionalDouble("best_evaluation"))
    }
}
