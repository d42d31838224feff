import ArgumentParser
import Foundation
import NeuralNet
import RLTermCLI

@main
struct RLTerm: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rlterm",
        abstract: "Train deep reinforcement-learning agents in the terminal and watch them learn.",
        discussion: """
            With no subcommand rlterm opens the terminal UI ('rlterm watch'). Environments are CartPole-v1, \
            gridworld maps (built in, in ./envs/, or any map file), bit-flipping and the Blind Cliffwalk; \
            'rlterm envs' lists them.
            Exit status follows sysexits: 64 bad usage, 65 bad data file, 66 missing input, 74 I/O error.
            """,
        subcommands: [WatchCommand.self, EnvsCommand.self, AlgosCommand.self, TrainCommand.self, EvalCommand.self, PlotCommand.self, SweepCommand.self, SolveCommand.self, ConformanceCommand.self, BenchCommand.self, ReproduceCommand.self, SessionsCommand.self, AttachCommand.self, PlayCommand.self],
        defaultSubcommand: WatchCommand.self
    )

    /// Runs a command and turns `CommandFailure` into a one-line message and its sysexits status; every
    /// other error takes ArgumentParser's path (usage errors exit 64).
    static func main() {
        if let problem = Kernels.requestProblem {
            FileHandle.standardError.write(Data("rlterm: \(problem)\n".utf8))
            Foundation.exit(64)
        }
        do {
            var command = try parseAsRoot(ShareOptions.namingBareShare(Array(CommandLine.arguments.dropFirst())))
            try command.run()
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data("rlterm: \(failure.message)\n".utf8))
            Foundation.exit(failure.status.rawValue)
        } catch {
            exit(withError: error)
        }
    }
}
