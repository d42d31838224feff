/// One finished training episode, a row of `monitor.csv`.
public struct EpisodeRecord: Sendable, Equatable {
    /// The undiscounted return, r in monitor.csv.
    public var reward: Double
    /// The number of steps, l.
    public var length: Int
    /// Seconds since the run started (wall clock, evaluations included, as SB3's Monitor measures), t.
    public var time: Double

    public init(reward: Double, length: Int, time: Double) {
        self.reward = reward
        self.length = length
        self.time = time
    }
}
