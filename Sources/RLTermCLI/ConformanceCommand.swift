import ArgumentParser
import Environments

public struct ConformanceCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "conformance",
        abstract: "Check rlterm's environments against traces recorded from the reference implementations.",
        discussion: """
            Each subcommand replays recorded episodes through rlterm's own environment and reports, per \
            episode, how far it strays and where it first disagrees.
            """,
        subcommands: [
            TraceConformanceCommand<CartPole>.self, TraceConformanceCommand<Acrobot>.self,
            TraceConformanceCommand<MountainCar>.self,
            MinAtarConformanceCommand<MinAtarBreakout>.self, MinAtarConformanceCommand<MinAtarFreeway>.self,
            MinAtarConformanceCommand<MinAtarSpaceInvaders>.self, MinAtarConformanceCommand<MinAtarAsterix>.self,
            MinAtarConformanceCommand<MinAtarSeaquest>.self,
        ]
    )

    public init() {}
}
