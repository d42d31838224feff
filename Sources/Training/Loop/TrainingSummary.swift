/// What a finished run achieved.
public struct TrainingSummary: Sendable {
    /// One greedy evaluation during training.
    public struct Evaluation: Sendable {
        public var timesteps: Int
        public var result: EvaluationResult
        /// Training time up to this evaluation, evaluation time excluded.
        public var trainSeconds: Double
    }

    /// The last step reached, counted over the whole run (a resumed run's earlier steps included).
    public var steps: Int
    /// The episodes this trainer played (a resumed run's earlier ones are in its `monitor.csv`).
    public var episodes: [EpisodeRecord]
    /// Training time of the whole run, evaluations excluded.
    public var trainSeconds: Double
    /// The evaluations this trainer ran.
    public var evaluations: [Evaluation]
    /// The threshold of "solved" for the environment, if it has one.
    public var solvedThreshold: Double?

    /// The first evaluation at or above the threshold.
    public var firstSolved: Evaluation? {
        guard let solvedThreshold else { return nil }
        return evaluations.first { $0.result.meanReturn >= solvedThreshold }
    }
}
