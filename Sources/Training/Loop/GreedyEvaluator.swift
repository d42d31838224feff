import Agents
import RLCore

/// A run's greedy evaluations: every `interval` steps the greedy policy plays `episodes` episodes
/// (`GreedyEvaluation`) on an environment of its own, with its own random stream ("eval-env"). Keeps the
/// evaluations, the best mean return of the run and whether one reached the solved threshold it stops at.
struct GreedyEvaluator {
    /// Steps between two evaluations; 0 never evaluates.
    let interval: Int
    let episodes: Int
    /// The mean return that ends the run (`--stop-when-solved`); nil when no evaluation ends it.
    let stopThreshold: Double?
    var environment: any Environment
    /// The evaluations of this trainer, oldest first.
    private(set) var evaluations: [TrainingSummary.Evaluation] = []
    /// The best mean return of the run, earlier trainers' included; nil before the first evaluation.
    var best: Double?
    /// Whether an evaluation reached `stopThreshold`.
    private(set) var isSolved = false

    init(interval: Int, episodes: Int, stopThreshold: Double?, environment: any Environment, best: Double?) {
        self.interval = interval
        self.episodes = episodes
        self.stopThreshold = stopThreshold
        self.environment = environment
        self.best = best
    }

    /// Whether an evaluation follows environment step `step`.
    func isDue(after step: Int) -> Bool {
        interval > 0 && step % interval == 0
    }

    /// Evaluates `agent`'s greedy policy at `timesteps`, after `trainSeconds` of training; returns the
    /// evaluation and whether it beats every earlier one.
    mutating func evaluate(_ agent: any Agent, timesteps: Int,
                           trainSeconds: Double) -> (evaluation: TrainingSummary.Evaluation, isBest: Bool) {
        let result = GreedyEvaluation.run(agent, on: &environment, episodes: episodes)
        let evaluation = TrainingSummary.Evaluation(timesteps: timesteps, result: result, trainSeconds: trainSeconds)
        evaluations.append(evaluation)
        let isBest = result.meanReturn > (best ?? -.infinity)
        best = max(best ?? -.infinity, result.meanReturn)
        if let stopThreshold, result.meanReturn >= stopThreshold { isSolved = true }
        return (evaluation, isBest)
    }
}
