import Environments
import RLCore

/// An environment as a run names it: the registry name and the options that shape it. It is what
/// `run.json` and checkpoint metadata record, so an evaluation can rebuild the same environment.
public struct EnvironmentSpec: Sendable, Codable, Equatable {
    /// A registry name (`rlterm envs`) or a map file path.
    public var name: String
    /// n for bit-flipping (`--bits`).
    public var bits: Int
    /// n for the Blind Cliffwalk (`--states`).
    public var states: Int
    /// Slipping forced on for gridworld maps (`--slippery`).
    public var slippery: Bool
    /// Steps after which a gridworld map's episodes are truncated, replacing its `max_steps` (a preset's
    /// `time-limit` or `--time-limit`); nil keeps the map's own. Absent from older `run.json` files.
    public var timeLimit: Int?
    /// Draw start states and slips from gymnasium's generator as `env.reset(seed: gymSeed)` seeds it
    /// (`--gym-seed`) instead of the run's stream; nil (and absent from `run.json`) keeps the run's stream.
    public var gymSeed: GymSeed?

    public init(name: String, bits: Int = 10, states: Int = 10, slippery: Bool = false, timeLimit: Int? = nil,
                gymSeed: GymSeed? = nil) {
        self.name = name
        self.bits = bits
        self.states = states
        self.slippery = slippery
        self.timeLimit = timeLimit
        self.gymSeed = gymSeed
    }

    /// The options checked: `--bits` in [1, 64] and `--states` in [1, 30] (a random walk reaches the end of a
    /// 30-state Blind Cliffwalk with probability 2⁻³⁰; longer chains teach nothing more), and a gym seed only on
    /// an environment that honours it. Returns a message naming the valid range, or nil.
    public var problem: String? {
        if bits < 1 || bits > 64 { return "--bits must be a whole number in [1, 64], got \(bits)" }
        if states < 1 || states > 30 { return "--states must be a whole number in [1, 30], got \(states)" }
        if let timeLimit, timeLimit < 1 || timeLimit > GridSettings.maxStepsLimit {
            return "--time-limit must be a whole number in [1, \(GridSettings.maxStepsLimit)], got \(timeLimit)"
        }
        if gymSeed != nil, !EnvironmentRegistry.takesGymSeed(name) {
            return "--gym-seed: \(name) has no gymnasium counterpart whose draws it could reproduce"
        }
        return nil
    }

    /// Builds the environment with its randomness from `generator`, or from gymnasium's generator seeded with
    /// `gymSeed` when there is one.
    public func make(generator: Xoshiro256StarStar) throws(MapLoadError) -> any Environment {
        let options = EnvironmentOptions(bits: bits, states: states, forceSlippery: slippery, timeLimit: timeLimit,
                                         gymSeed: gymSeed)
        return try EnvironmentRegistry.make(name, options: options, generator: generator)
    }

    /// How a screen names it: `bitflip 10`, `cliffwalk 6`, a map's file name without its extension.
    public var displayName: String {
        let options = EnvironmentOptions(bits: bits, states: states, forceSlippery: slippery, timeLimit: timeLimit)
        return EnvironmentRegistry.displayName(of: name, options: options)
    }

    /// The mean evaluation return at which a run on `environment` counts as solved, as the environment states
    /// it (`DescribedEnvironment.solvedThreshold`), or nil where none is defined.
    public static func solvedThreshold(of environment: any Environment) -> Double? {
        environment.described?.solvedThreshold
    }
}
