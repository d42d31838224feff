import Foundation
import RLCore

/// The one list of environments: `rlterm envs`, `--help` texts and every command that takes `--env` are
/// drawn from it, so they cannot drift apart. Names that are not fixed environments are gridworld maps,
/// found by `MapLocator` (a path, ./envs/NAME.txt, or a built-in map).
public enum EnvironmentRegistry {
    /// The environments that are not gridworld maps: adding an environment is adding its type here.
    static let registered: [any RegisteredEnvironment.Type] = [
        CartPole.self, Acrobot.self, MountainCar.self, BitFlipping.self, BlindCliffwalk.self,
        MinAtar<MinAtarBreakout>.self, MinAtar<MinAtarFreeway>.self, MinAtar<MinAtarSpaceInvaders>.self,
        MinAtar<MinAtarAsterix>.self, MinAtar<MinAtarSeaquest>.self,
    ]

    /// The environments that are not gridworld maps.
    public static var fixedNames: [String] { registered.map { $0.descriptor.name } }

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
        return registered.map { $0.descriptor } + maps
    }

    /// Builds the environment `name` with its randomness drawn from `generator`.
    public static func make(
        _ name: String, options: EnvironmentOptions = EnvironmentOptions(), generator: Xoshiro256StarStar
    ) throws(MapLoadError) -> any DescribedEnvironment {
        if let type = registered.first(where: { $0.descriptor.name == name }) {
            return type.init(options: options, generator: generator)
        }
        var map: GridMap
        do {
            map = try options.mapLocator.load(name)
        } catch .unknownName(let unknown, let maps) {
            throw .unknownName(unknown, available: fixedNames + maps)
        }
        if options.forceSlippery { map.settings.slippery = true }
        if let limit = options.timeLimit { map.settings.maxSteps = limit }
        return Gridworld(map: map, observation: options.gridObservation,
                         random: EnvironmentRandom(gymSeed: options.gymSeed, generator: generator))
    }

    /// Whether environment `name` honours a gym seed (`RegisteredEnvironment.takesGymSeed`); every gridworld map
    /// does, drawing as gymnasium's FrozenLake and CliffWalking draw.
    public static func takesGymSeed(_ name: String) -> Bool {
        registered.first { $0.descriptor.name == name }?.takesGymSeed ?? true
    }

    /// How a screen names environment `name` built with `options`: a registered environment's own name for
    /// itself (`bitflip 10`), a map's file name without its extension.
    public static func displayName(of name: String, options: EnvironmentOptions = EnvironmentOptions()) -> String {
        if let type = registered.first(where: { $0.descriptor.name == name }) {
            return type.displayName(options: options)
        }
        return URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent
    }
}
