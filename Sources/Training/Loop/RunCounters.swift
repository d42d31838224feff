/// The counts a trainer starts from: zero for a new run; for a resumed run, or a live session that switched
/// algorithm, environment or agent, the work already done, so the logs and progress read as one run.
public struct RunCounters: Sendable, Equatable {
    /// Environment steps (transitions) taken.
    public var timesteps: Int
    /// Training episodes finished.
    public var episodes: Int
    /// The returns of the last (at most) 100 finished episodes, oldest first.
    public var recentReturns: [Double]
    /// Training time, evaluations excluded.
    public var trainSeconds: Double
    /// Gradient steps taken.
    public var gradientSteps: Int
    /// The best mean evaluation return so far, nil before the first evaluation.
    public var bestEvaluation: Double?

    public init(timesteps: Int = 0, episodes: Int = 0, recentReturns: [Double] = [], trainSeconds: Double = 0,
                gradientSteps: Int = 0, bestEvaluation: Double? = nil) {
        self.timesteps = timesteps
        self.episodes = episodes
        self.recentReturns = recentReturns
        self.trainSeconds = trainSeconds
        self.gradientSteps = gradientSteps
        self.bestEvaluation = bestEvaluation
    }

    /// The counts of a new run.
    public static let zero = RunCounters()

    /// How many recent returns the mean return is taken over.
    public static let recentWindow = 100

    /// The mean of `recentReturns`, nil before the first episode.
    public var meanRecentReturn: Double? {
        recentReturns.isEmpty ? nil : recentReturns.reduce(0, +) / Double(recentReturns.count)
    }

    /// Counts one more finished episode with undiscounted return `reward`.
    mutating func recordEpisode(reward: Double) {
        episodes += 1
        recentReturns.append(reward)
        if recentReturns.count > Self.recentWindow { recentReturns.removeFirst() }
    }
}
