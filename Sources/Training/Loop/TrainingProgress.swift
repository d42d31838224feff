/// A periodic report from a running `Trainer`, for progress lines, bars and `progress.csv`.
public struct TrainingProgress: Sendable, Equatable {
    /// Environment steps of the whole run, those before a `--resume` included.
    public var steps: Int
    public var totalSteps: Int
    /// Finished training episodes of the whole run.
    public var episodes: Int
    /// The mean return of the last 100 training episodes (nil before the first ends).
    public var meanReturn: Double?
    /// Environment steps per second of training time (evaluations excluded) since this process started training.
    public var stepsPerSecond: Double
    /// Training time of the whole run, evaluations excluded.
    public var trainSeconds: Double
    public var lastLoss: Float?
    /// Gradient steps of the whole run, those before a `--resume` included.
    public var gradientSteps: Int = 0
    /// ε of ε-greedy agents; nil for agents that sample from a policy.
    public var epsilon: Double? = nil
}
