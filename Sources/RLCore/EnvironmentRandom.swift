/// Where an environment draws its randomness (start states, slips): the run's own stream, or gymnasium's generator
/// seeded as `env.reset(seed: N)` seeds it (`--gym-seed N`). Chosen when the environment is built; the
/// environment draws through it and never asks which one it has, except through `drawBeforeFirstReset`.
public enum EnvironmentRandom: Sendable, Equatable {
    /// rlterm's xoshiro256** stream, derived from the run seed.
    case stream(Xoshiro256StarStar)
    /// gymnasium's `np_random` after `reset(seed:)`: the first `reset()` draws what gymnasium's `reset(seed: N)`
    /// draws, later resets and steps continue the same generator.
    case gymnasium(GymnasiumRandom)

    /// gymnasium's generator for `gymSeed` when one is given, else `generator`.
    public init(gymSeed: GymSeed?, generator: Xoshiro256StarStar) {
        self = gymSeed.map { .gymnasium(GymnasiumRandom(seed: $0)) } ?? .stream(generator)
    }

    /// A double uniform in [0, 1) (numpy's `random()` under gymnasium's generator).
    public mutating func uniform() -> Double {
        switch self {
        case .stream(var generator):
            let value = generator.uniform()
            self = .stream(generator)
            return value
        case .gymnasium(var generator):
            let value = generator.random()
            self = .gymnasium(generator)
            return value
        }
    }

    /// low + (high − low)·u with u uniform in [0, 1), numpy's `uniform(low, high)`.
    public mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * uniform()
    }

    /// Whether this is gymnasium's generator (a gridworld then draws as gymnasium's toy-text environments do).
    public var isGymnasium: Bool {
        if case .gymnasium = self { true } else { false }
    }

    /// What an environment's initialiser draws to have a state before its first `reset()`. rlterm's stream
    /// advances, as it always has; gymnasium's is left as it is (a copy draws), so the first `reset()` still draws
    /// exactly what `env.reset(seed: N)` draws, and the state shown before it is that episode's start.
    public mutating func drawBeforeFirstReset<T>(_ draw: (inout EnvironmentRandom) -> T) -> T {
        if case .gymnasium = self {
            var copy = self
            return draw(&copy)
        }
        return draw(&self)
    }
}
