import RLCore

/// The one list of environments: `rlterm envs`, `--help` texts and every command that takes `--env` are
/// drawn from it, so they cannot drift apart.
public enum EnvironmentRegistry {
    /// An environment that is not a gridworld map, with the factory that builds it.
    struct FixedEntry: Sendable {
        let descriptor: EnvironmentDescriptor
        let make: @Sendable (EnvironmentOptions, Xoshiro256StarStar) -> any Environment
    }

    static let fixedEntries: [FixedEntry] = [
        FixedEntry(
            descriptor: EnvironmentDescriptor(
                name: "cartpole",
                summary: "CartPole-v1 as in gymnasium: balance a pole on a cart; +1 per step, 500 steps at most"
            ),
            make: { _, generator in CartPole(generator: generator) }
        ),
        FixedEntry(
            descriptor: EnvironmentDescriptor(
                name: "bitflip",
                summary: "HER bit-flipping: flip bits to reach a random goal; −1 until it is reached (--bits N)"
            ),
            make: { options, generator in BitFlipping(bits: options.bits, generator: generator) }
        ),
    ]

    /// Every environment, fixed ones first.
    public static var descriptors: [EnvironmentDescriptor] {
        fixedEntries.map(\.descriptor)
    }

    /// Builds the environment `name` with its randomness drawn from `generator`.
    public static func make(
        _ name: String, options: EnvironmentOptions, generator: Xoshiro256StarStar
    ) throws(EnvironmentLookupError) -> any Environment {
        if let entry = fixedEntries.first(where: { $0.descriptor.name == name }) {
            return entry.make(options, generator)
        }
        throw .unknown(name: name, available: descriptors.map(\.name))
    }
}
