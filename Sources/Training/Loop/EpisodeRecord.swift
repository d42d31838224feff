/// One finished training episode, a row of `monitor.csv`.
public struct EpisodeRecord: Sendable, Equatable {
    /// The undiscounted return, r in monitor.csv.
    public var reward: Double
    /// The number of steps, l.
    public var length: Int
    /// Seconds since the trainer began (wall clock, evaluations included, as SB3's Monitor measures);
    /// `RunLogWriter` counts them from the monitor's t_start instead, as column t.
    public var time: Double

    public init(reward: Double, length: Int, time: Double) {
        self.reward = reward
        self.length = length
        self.time = time
    }
}
