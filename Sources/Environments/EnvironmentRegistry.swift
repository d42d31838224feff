import RLCore

/// The one list of environments: `rlterm envs`, `--help` texts and every command that takes `--env` are
/// drawn from it, so they cannot drift apart. Names that are not fixed environments are gridworld maps,
/// found by `MapLocator` (a path, ./envs/NAME.txt, or a built-in map).
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
        FixedEntry(
            descriptor: EnvironmentDescriptor(
                name: "cliffwalk",
                summary: "PER's Blind Cliffwalk: a chain where one wrong action ends it; reward 1 at the end (--states N)"
            ),
            make: { options, generator in BlindCliffwalk(states: options.states, generator: generator) }
        ),
    ]

    /// The environments that are not gridworld maps.
    public static var fixedNames: [String] { fixedEntries.map(\.descriptor.name) }

    /// Every environment: the fixed ones, then each map `locator` can find, described by its name and size.
    public static func descriptors(locator: MapLocator = MapLocator()) -> [EnvironmentDescriptor] {
        let maps = locator.availableNames().map { name in
            let summary: String
            do {
                let map = try locator.load(name)
                let slippery = map.settings.slippery ? ", slippery" : ""
                summary = "gridworld \(map.rows)×\(map.cols)\(slippery): \(map.name)"
            } catch {
                summary = "gridworld map that does not load: \(error)"
            }
            return EnvironmentDescriptor(name: name, summary: summary)
        }
        return fixedEntries.map(\.descriptor) + maps
    }

    /// Builds the environment `name` with its randomness drawn from `generator`.
    public static func make(
        _ name: String, options: EnvironmentOptions = EnvironmentOptions(), generator: Xoshiro256StarStar
    ) throws(MapLoadError) -> any Environment {
        if let entry = fixedEntries.first(where: { $0.descriptor.name == name }) {
            return entry.make(options, generator)
        }
        var map: GridMap
        do {
            map = try options.mapLocator.load(name)
        } catch .unknownName(let unknown, let maps) {
            throw .unknownName(unknown, available: fixedNames + maps)
        }
        if options.forceSlippery { map.settings.slippery = true }
        return Gridworld(map: map, observation: options.gridObservation, generator: generator)
    }
}
