import Environments

/// Turns an `--env` argument of a command that works on gridworld maps into a map, or into the failure
/// to report with its sysexits status: 64 for a non-map environment or an unknown name, 65 for an invalid
/// map (file:line:col: reason), 66 for a missing or unreadable file.
enum GridMapArgument {
    /// The map `env` names, made slippery when `slippery` is set; `notAMap` is the message for the
    /// environments that are not maps (cartpole, bitflip, cliffwalk).
    static func load(_ env: String, slippery: Bool, notAMap: String) throws(CommandFailure) -> GridMap {
        if EnvironmentRegistry.fixedNames.contains(env) {
            throw CommandFailure("'\(env)' is not a gridworld map; \(notAMap) ('rlterm envs' lists them)", status: .usage)
        }
        var map: GridMap
        do {
            map = try MapLocator().load(env)
        } catch {
            switch error {
            case .missingFile, .unreadable: throw CommandFailure(error.description, status: .noInput)
            case .unknownName: throw CommandFailure(error.description, status: .usage)
            case .invalidMap: throw CommandFailure(error.description, status: .dataError)
            }
        }
        if slippery { map.settings.slippery = true }
        return map
    }
}
