import RLCore

/// The command line's say in how an environment is built, beyond its name.
public struct EnvironmentOptions: Sendable {
    /// n for bit-flipping (`--bits`).
    public var bits: Int
    /// n for the Blind Cliffwalk (`--states`).
    public var states: Int
    /// Turn slipping on for any gridworld map, whatever its own setting (`--slippery`).
    public var forceSlippery: Bool
    /// Cut a gridworld map's episodes (truncated, so bootstrapped) after this many steps, replacing the map's
    /// `max_steps` (a preset's `time-limit`); nil keeps the map's own.
    public var timeLimit: Int?
    /// How a gridworld shows the agent its cell.
    public var gridObservation: GridObservation
    /// Where `./envs/` and relative map paths are looked up.
    public var mapLocator: MapLocator
    /// Draw start states and slips from gymnasium's generator as `env.reset(seed: gymSeed)` seeds it, instead of
    /// the run's stream (`--gym-seed`); nil keeps the run's stream.
    public var gymSeed: GymSeed?

    public init(
        bits: Int = 10, states: Int = 10, forceSlippery: Bool = false, timeLimit: Int? = nil,
        gridObservation: GridObservation = .oneHot,
        mapLocator: MapLocator = MapLocator(), gymSeed: GymSeed? = nil
    ) {
        self.bits = bits
        self.states = states
        self.forceSlippery = forceSlippery
        self.timeLimit = timeLimit
        self.gridObservation = gridObservation
        self.mapLocator = mapLocator
        self.gymSeed = gymSeed
    }
}
