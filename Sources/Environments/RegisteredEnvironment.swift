import RLCore

/// An environment the registry builds by its name alone (gridworld maps are found by `MapLocator` instead):
/// one line in `EnvironmentRegistry.registered` makes it known to `rlterm envs`, every `--env` and the UI.
public protocol RegisteredEnvironment: DescribedEnvironment, Sendable {
    /// Its name on the command line and its line in `rlterm envs`.
    static var descriptor: EnvironmentDescriptor { get }
    /// How a screen names it when built with `options`, e.g. `bitflip 10`.
    static func displayName(options: EnvironmentOptions) -> String
    /// Builds it from the command line's options with its randomness drawn from `generator`.
    init(options: EnvironmentOptions, generator: Xoshiro256StarStar)
    /// Whether it honours `EnvironmentOptions.gymSeed`, drawing exactly what its gymnasium counterpart draws
    /// after `env.reset(seed: N)`. False by default: an environment without a gymnasium counterpart has nothing
    /// to reproduce, and `--gym-seed` on it is refused.
    static var takesGymSeed: Bool { get }
}

extension RegisteredEnvironment {
    public static func displayName(options: EnvironmentOptions) -> String { descriptor.name }
    public static var takesGymSeed: Bool { false }
}
