import Agents
import ArgumentParser
import Experiments
import Foundation
import RLTermCLI
import Training

/// `rlterm reproduce her-bitflip`: success rate against the number of bits, DQN with and without hindsight
/// experience replay (HER Fig. 1; see `HindsightBitFlipExperiment`).
struct ReproduceHERBitFlipCommand: ReproduceExperiment {
    static let configuration = CommandConfiguration(
        commandName: "her-bitflip",
        abstract: "Success rate vs number of bits, DQN with and without HER (Hindsight Experience Replay, Fig. 1).",
        discussion: """
            The bit-flipping task (Andrychowicz et al. 2017, Sec. 3.1): n bits, action i flips bit i, start and \
            goal drawn uniformly, reward −1 until the state equals the goal, at most n steps. Without HER the \
            reward 0 is practically never seen beyond a dozen bits; with HER each episode is also stored with \
            goals it did reach (final: the last state; future: k = 4 states from later in the episode).

            Training follows the paper's Appendix A, scaled down: DQN with one hidden layer of 256 units, Adam \
            at 0.001, γ = 0.98, targets clipped to [−1/(1−γ), 0], ε-greedy with ε = 0.2; an epoch is 50 cycles, \
            each 16 episodes then 40 updates on minibatches of 128 and a Polyak update of the target network. \
            The paper trains 200 epochs with 8 workers and τ = 0.05; here n bits train ⌈0.4·n⌉ epochs (--epochs \
            sets one number for all) on one thread each, and τ = 0.2 so the target keeps up with the shorter run. \
            As in the paper, every transition HER stores bootstraps, y = r + γ·max Q(s′‖g, a′), even one that \
            reaches its goal or ends the episode; --her-terminal stores a transition that reaches its goal as \
            terminal (y = r) instead.

            Success rate: after training, the fraction of 100 greedy test episodes (an environment of their \
            own) whose state equals the goal at some step; the table and CSV give its mean over seeds \
            0…N−1, the table also its range over seeds. Runs go on --threads threads (default 2); every run \
            depends only on its seed, so the numbers do not depend on the thread count.
            --csv FILE writes the columns bits,her,success_rate, one line per (n, her), her being none, final \
            or future. Exit status: 64 bad usage (a bad --bits item is named with its column), 74 CSV file not \
            writable.
            """
    )

    static let allowedBits = 1...64
    static let allowedSeeds = 1...100

    @Option(help: ArgumentHelp(
        "Bit counts n: comma-separated numbers or ranges A-B, each in \(allowedBits.lowerBound)…\(allowedBits.upperBound).",
        valueName: "list"))
    var bits = "5,10,15,20,25,30,40,50"

    @Option(help: ArgumentHelp("Relabelling strategies to compare, comma-separated: none, final, future.", valueName: "list"))
    var her = "none,final,future"

    @Option(help: ArgumentHelp("Runs per configuration (seeds 0…N−1); the table shows their mean.", valueName: "n"))
    var seeds = 1

    @Option(help: ArgumentHelp("Epochs of training for every n (default: ⌈0.4·n⌉).", valueName: "n"))
    var epochs: Int?

    @Flag(help: "Store a HER transition that reaches its goal as terminal instead of bootstrapping it (the paper).")
    var herTerminal = false

    @OptionGroup var parallel: ParallelRunOptions

    @Option(help: ArgumentHelp("Also write the mean success rates as CSV to this file.", valueName: "file"))
    var csv: String?

    func validate() throws {
        try ReproduceSupport.validate(list: bits, option: "--bits", allowed: Self.allowedBits, seeds: seeds, allowedSeeds: Self.allowedSeeds)
        _ = try strategies()
        if let epochs, epochs < 1 { throw ValidationError("--epochs must be at least 1, got \(epochs)") }
    }

    /// The strategies `--her` lists, in its order.
    private func strategies() throws(ValidationError) -> [AgentOptions.Hindsight] {
        var strategies: [AgentOptions.Hindsight] = []
        for name in her.split(separator: ",", omittingEmptySubsequences: false) {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard let strategy = AgentOptions.Hindsight(rawValue: trimmed), !strategies.contains(strategy) else {
                throw ValidationError("--her: '\(trimmed)' is not one of none, final, future (each at most once)")
            }
            strategies.append(strategy)
        }
        return strategies
    }

    /// One training run of the experiment.
    private struct Run: Sendable {
        var bits: Int
        var strategy: AgentOptions.Hindsight
        var seed: Int
    }

    func report(progress: ProgressLine) throws -> HindsightBitFlipReport {
        let bitCounts = try IntegerList.parse(bits, allowed: Self.allowedBits)
        let strategies = try strategies()
        var settings = HindsightBitFlipExperiment.Settings()
        settings.fixedEpochs = epochs
        settings.herTerminal = herTerminal
        let runs = bitCounts.flatMap { n in
            strategies.flatMap { strategy in (0..<seeds).map { Run(bits: n, strategy: strategy, seed: $0) } }
        }
        let rates = ReproduceSupport.results(of: runs, threads: parallel.threads, name: "her-bitflip", progress: progress,
                                             cost: { settings.epochs(bits: $0.bits) * $0.bits }) { [settings] run in
            HindsightBitFlipExperiment.successRate(bits: run.bits, hindsight: run.strategy, seed: UInt64(run.seed), settings: settings)
        }
        var report = HindsightBitFlipReport(bits: bitCounts, strategies: strategies, seedCount: seeds, settings: settings)
        for (run, rate) in zip(runs, rates) {
            report.record(rate, bits: run.bits, strategy: run.strategy)
        }
        return report
    }
}
