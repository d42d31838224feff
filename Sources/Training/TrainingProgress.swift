/// A periodic report from a running `Trainer`, for progress lines and bars.
public struct TrainingProgress: Sendable {
    public var steps: Int
    public var totalSteps: Int
    public var episodes: Int
    /// The mean return of the last 100 training episodes (nil before the first ends).
    public var meanReturn: Double?
    /// Environment steps per second of training time (evaluations excluded).
    public var stepsPerSecond: Double
    public var trainSeconds: Double
    public var lastLoss: Float?
}
