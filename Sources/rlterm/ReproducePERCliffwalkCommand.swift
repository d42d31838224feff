import ArgumentParser
import Experiments
import Foundation
import RLTermCLI

/// `rlterm reproduce per-cliffwalk`: updates until Q-learning knows Q*, under uniform and prioritized replay,
/// against the size of the replay memory (PER Figs. 1–2; see `BlindCliffwalkExperiment`).
struct ReproducePERCliffwalkCommand: ReproduceExperiment {
    static let configuration = CommandConfiguration(
        commandName: "per-cliffwalk",
        abstract: "Uniform vs prioritized replay on the Blind Cliffwalk (Prioritized Experience Replay, Figs. 1–2).",
        discussion: """
            The Blind Cliffwalk (Schaul et al. 2016, Sec. 3.1): n states in a chain; in each, one action moves on \
            and the other ends the episode, and only n right moves in a row earn the reward 1, so a random \
            action sequence finds it once in 2^n tries. The replay memory holds every transition of all 2^n \
            sequences (2^(n+1) − 2 of them, one rewarded). Q-learning (γ = 1 − 1/n, step size 1/4, θ ~ N(0, \
            0.1²)) replays one transition per update and counts updates until the mean squared error to the \
            true Q is below 1e-3. Uniform replay spends most updates on the many unrewarded copies; greedy \
            replay (always the largest last |δ|) and proportional replay (P ∝ (|δ| + ε)^α) carry the reward \
            back along the chain. The paper plots the median over 10 runs against the memory size: \
            prioritized replay needs fewer updates, by a factor that grows with n to orders of magnitude.

            Priorities belong to distinct transitions: all copies of one transition in the memory share one \
            |δ|, and proportional replay weighs it by the number of copies. --per-slot-priorities keeps one |δ| \
            per memory slot instead, so each of the 2^(n+1) − 2 slots must be replayed once before its priority \
            means anything (docs/RESULTS.md compares the two).

            Output: one block per representation (tabular, linear), one row per n: the memory size, the median \
            updates of uniform, greedy and proportional replay over seeds 0…N−1, and uniform's median divided \
            by each prioritized one's. A run that has not learned after --max-updates updates gives up and \
            counts as slower than every finished run; when the median itself is such a run the table shows \
            >cap (a ratio against it is a bound, > or <) and the CSV leaves median_updates empty.
            --csv FILE writes the columns states,replay,representation,median_updates, one line per \
            configuration (replay: uniform, greedy, proportional; representation: tabular, linear). Runs go on \
            --threads threads (default 2); every run depends only on its seed, so the numbers do not depend on \
            the thread count.
            Exit status: 64 bad usage (a bad --states item is named with its column), 74 CSV file not writable.
            """
    )

    static let allowedStates = 2...20
    static let allowedSeeds = 1...1000

    @Option(help: ArgumentHelp(
        "Chain lengths n: comma-separated numbers or ranges A-B, each in \(allowedStates.lowerBound)…\(allowedStates.upperBound).",
        valueName: "list"))
    var states = "2,4,6,8,10,12,14,16"

    @Option(help: ArgumentHelp("Runs per configuration (seeds 0…N−1); the table shows their median.", valueName: "n"))
    var seeds = 10

    @Option(help: ArgumentHelp("α of proportional replay, in [0, 1] (0 is uniform; the paper's Atari value is 0.6).",
                               valueName: "a"))
    var alpha = BlindCliffwalkExperiment.Settings().alpha

    @Option(help: ArgumentHelp("Updates after which a run gives up (reported as >cap).", valueName: "n"))
    var maxUpdates = 20_000_000

    @Flag(help: "Give every memory slot its own priority instead of sharing one among a transition's copies.")
    var perSlotPriorities = false

    @OptionGroup var parallel: ParallelRunOptions

    @Option(help: ArgumentHelp("Also write the medians as CSV to this file.", valueName: "file"))
    var csv: String?

    func validate() throws {
        try ReproduceSupport.validate(list: states, option: "--states", allowed: Self.allowedStates, seeds: seeds, allowedSeeds: Self.allowedSeeds)
        guard alpha >= 0, alpha <= 1 else {
            throw ValidationError("--alpha must be in [0, 1], got \(alpha)")
        }
        guard maxUpdates >= 1 else {
            throw ValidationError("--max-updates must be at least 1, got \(maxUpdates)")
        }
    }

    /// One run of the experiment.
    private struct Run: Sendable {
        var states: Int
        var replay: BlindCliffwalkExperiment.Replay
        var representation: BlindCliffwalkExperiment.Representation
        var seed: Int
    }

    func report(progress: ProgressLine) throws -> BlindCliffwalkReport {
        let chainLengths = try IntegerList.parse(states, allowed: Self.allowedStates)
        var settings = BlindCliffwalkExperiment.Settings()
        settings.alpha = alpha
        settings.maxUpdates = maxUpdates
        settings.sharedPriorities = !perSlotPriorities
        let runs = chainLengths.flatMap { n in
            BlindCliffwalkExperiment.Representation.allCases.flatMap { representation in
                BlindCliffwalkExperiment.Replay.allCases.flatMap { replay in
                    (0..<seeds).map { Run(states: n, replay: replay, representation: representation, seed: $0) }
                }
            }
        }
        // Uniform replay on the longest chains takes most of the time.
        let updates = ReproduceSupport.results(of: runs, threads: parallel.threads, name: "per-cliffwalk", progress: progress,
                                               cost: { ($0.replay == .uniform ? 2 : 1) << $0.states }) { [settings] run in
            BlindCliffwalkExperiment.updatesToLearn(states: run.states, replay: run.replay, representation: run.representation,
                                                    seed: UInt64(run.seed), settings: settings)
        }
        var report = BlindCliffwalkReport(states: chainLengths, seedCount: seeds, settings: settings)
        for (run, count) in zip(runs, updates) {
            report.record(count, states: run.states, replay: run.replay, representation: run.representation)
        }
        return report
    }
}
