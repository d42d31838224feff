import ArgumentParser
import CNeuralNetShims
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
            Acrobot-v1, MountainCar-v0, MinAtar's games, gridworld maps (built in, in ./envs/, or any map file), \
            bit-flipping and the Blind Cliffwalk; 'rlterm envs' lists them.
            Exit status follows sysexits: 64 bad usage, 65 bad data file, 66 missing input, 69 a CPU without AVX2 \
            and FMA (x86-64), 74 I/O error.
            """,
        subcommands: [WatchCommand.self, EnvsCommand.self, AlgosCommand.self, TrainCommand.self, EvalCommand.self, PlotCommand.self, SweepCommand.self, SolveCommand.self, ConformanceCommand.self, BenchCommand.self, ReproduceCommand.self, SessionsCommand.self, AttachCommand.self, PlayCommand.self],
        defaultSubcommand: WatchCommand.self
    )

    /// Runs a command and turns `CommandFailure` into a one-line message and its sysexits status; every
    /// other error takes ArgumentParser's path (usage errors exit 64).
    static func main() {
        // Checked first, before anything of NeuralNet runs: that module is compiled with AVX2 and FMA and would
        // stop on an illegal instruction. The message goes straight to write(2), not through Data: the linker may keep
        // NeuralNet's AVX copy of a generic specialization such as Data's initializer (checked under
        // `qemu-x86_64 -cpu Westmere`).
        #if arch(x86_64)
        if !rlterm_cpu_has_avx2_fma() {
            let message = """
                rlterm: this CPU has no AVX2 and FMA, which rlterm's network code is compiled for on x86-64 \
                (x86-64-v3: Intel since 2013, AMD since 2015); it cannot run here

                """
            _ = message.withCString { write(STDERR_FILENO, $0, strlen($0)) }
            Foundation.exit(69)
        }
        #endif
        LargeBlocks.mapEachOnItsOwn()
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
