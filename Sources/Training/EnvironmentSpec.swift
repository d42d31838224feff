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

    public init(name: String, bits: Int = 10, states: Int = 10, slippery: Bool = false) {
        self.name = name
        self.bits = bits
        self.states = states
        self.slippery = slippery
    }

    /// The options checked: `--bits` in [1, 64] and `--states` in [1, 30] (a random walk reaches the end of a
    /// 30-state Blind Cliffwalk with probability 2⁻³⁰; longer chains teach nothing more). Returns a message
    /// naming the valid range, or nil.
    public var problem: String? {
        if bits < 1 || bits > 64 { return "--bits must be a whole number in [1, 64], got \(bits)" }
        if states < 1 || states > 30 { return "--states must be a whole number in [1, 30], got \(states)" }
        return nil
    }

    /// Builds the environment with its randomness from `generator`.
    public func make(generator: Xoshiro256StarStar) throws(MapLoadError) -> any Environment {
        let options = EnvironmentOptions(bits: bits, states: states, forceSlippery: slippery)
        return try EnvironmentRegistry.make(name, options: options, generator: generator)
    }

    /// The mean evaluation return at which a run counts as solved, or nil where none is defined:
    /// - CartPole-v1: gymnasium's reward threshold, 475;
    /// - the Blind Cliffwalk: 1, the reward of walking the whole chain;
    /// - a deterministic gridworld: the return of value iteration's greedy path from the start (γ = 0.99),
    ///   so solved means the greedy policy walks an optimal path;
    /// - bit-flipping and slippery maps: none (their returns are a success rate and a random variable).
    public static func solvedThreshold(of environment: any Environment) -> Double? {
        switch environment {
        case is CartPole:
            return CartPole.rewardThreshold
        case is BlindCliffwalk:
            return 1
        case let grid as Gridworld where !grid.map.settings.slippery:
            return OptimalPath(grid: grid, gamma: 0.99).return
        default:
            return nil
        }
    }
}
