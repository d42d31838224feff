/// One row of a Stable-Baselines3 Monitor file: an episode's return r, its length l in environment steps,
/// and t, the wall-clock seconds from the monitor's `t_start` to the episode's end.
public struct MonitorEpisode: Equatable, Sendable {
    public var reward: Double
    public var length: Int
    public var time: Double

    public init(reward: Double, length: Int, time: Double) {
        self.reward = reward
        self.length = length
        self.time = time
    }
}
