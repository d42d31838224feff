import ArgumentParser
import Environments

public struct EnvsCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "envs",
        abstract: "List the environments rlterm can train on.",
        discussion: """
            Gridworld maps come from three places, later ones winning: the maps built into rlterm, the files \
            in ./envs/ (NAME.txt is the environment NAME), and any map file path given to --env.
            """
    )

    public init() {}

    public func run() throws {
        let descriptors = EnvironmentRegistry.descriptors()
        let width = descriptors.map(\.name.count).max() ?? 0
        for descriptor in descriptors {
            print(descriptor.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + descriptor.summary)
        }
    }
}
