import ArgumentParser
import Experiments
import Foundation
import RLTermCLI

/// `rlterm reproduce deadly-triad`: semi-gradient TD and DP on Baird's counterexample, off-policy (they
/// diverge), on-policy, and with a target held for K sweeps (see `DeadlyTriadExperiment`).
struct ReproduceDeadlyTriadCommand: ReproduceExperiment {
    static let configuration = CommandConfiguration(
        commandName: "deadly-triad",
        abstract: "Baird's counterexample: off-policy semi-gradient TD and DP diverge (Sutton & Barto, Example 11.1).",
        discussion: """
            Sutton & Barto, Reinforcement Learning (2nd ed., 2018), Example 11.1 and Fig. 11.2: seven states; \
            states 1–6 have v̂ = 2·w_i + w_8, state 7 has v̂ = w_7 + 2·w_8; the dashed action leads to one of \
            states 1–6 uniformly, the solid one to state 7; every reward is 0, so the true values are 0 and \
            w = 0 represents them. The behaviour policy b takes dashed with probability 6/7 (so the next state \
            is uniform), the target policy π always takes solid. γ = 0.99, α = 0.01, w = (1,1,1,1,1,1,10,1) at \
            the start. With function approximation, bootstrapping and off-policy updates together (the \
            deadly triad), the weights grow without bound: the course notes' "Q-learning is not gradient \
            descent, and does not converge in general" made visible.

            Variants: off-policy TD (semi-gradient TD(0) on transitions sampled under b, weighted by the \
            importance ratio ρ = 7 after solid, 0 after dashed); off-policy DP (the expected update swept \
            synchronously over the seven states, eq. 11.9); on-policy DP (the same expected update under π's \
            on-policy distribution, which is all on state 7); on-policy TD (TD(0) under b evaluating b itself, \
            ρ = 1); and the two off-policy updates with their targets computed from weights w⁻ held for K \
            sweeps, then set to w (DQN's target network), for each K of --periods. A TD step counts as one \
            sweep: its expected update is exactly one off-policy DP sweep.

            Output: ‖w‖ after 10, 100, 1,000 … sweeps and √VE (the RMS of v̂ over the seven states, 0 for \
            the true values) at the end; then the eight weights after 1,000 sweeps, the book's horizon. \
            --csv FILE writes variant,update,period,sweep,w1,…,w8,norm,rms_value for every checkpoint \
            (1, 10, 100, … sweeps and the last). The run takes well under a second.
            Exit status: 64 bad usage (a bad --periods item is named with its column), 74 CSV file not writable.
            """
    )

    static let allowedPeriods = 2...1_000_000
    static let allowedSweeps = 1...10_000_000

    @Option(help: ArgumentHelp("Sweeps (TD steps) per variant; 1,000 is the book's figure.", valueName: "n"))
    var sweeps = DeadlyTriadExperiment.Settings().sweeps

    @Option(help: ArgumentHelp(
        "Target periods K to try on the off-policy updates: comma-separated numbers or ranges A-B, each in "
            + "\(allowedPeriods.lowerBound)…\(allowedPeriods.upperBound); empty for none.", valueName: "list"))
    var periods = "10,100,1000"

    @Option(help: ArgumentHelp("Step size α.", valueName: "a"))
    var alpha = DeadlyTriadExperiment.Settings().alpha

    @Option(help: ArgumentHelp("The seed of the sampled (TD) variants.", valueName: "n"))
    var seed: UInt64 = 0

    @Option(help: ArgumentHelp("Also write the weights at every checkpoint as CSV to this file.", valueName: "file"))
    var csv: String?

    func validate() throws {
        guard Self.allowedSweeps.contains(sweeps) else {
            throw ValidationError(
                "--sweeps must be in \(Self.allowedSweeps.lowerBound)…\(Self.allowedSweeps.upperBound), got \(sweeps)")
        }
        _ = try targetPeriods()
        guard alpha > 0, alpha <= 1 else { throw ValidationError("--alpha must be in (0, 1], got \(alpha)") }
    }

    /// The target periods `--periods` lists, in its order.
    private func targetPeriods() throws(ValidationError) -> [Int] {
        guard !periods.isEmpty else { return [] }
        do {
            return try IntegerList.parse(periods, allowed: Self.allowedPeriods)
        } catch {
            throw ValidationError("--periods: \(error)")
        }
    }

    func report(progress: ProgressLine) throws -> DeadlyTriadReport {
        var settings = DeadlyTriadExperiment.Settings()
        settings.sweeps = sweeps
        settings.alpha = alpha
        settings.seed = seed
        typealias Variant = DeadlyTriadExperiment.Variant
        let held = try targetPeriods().flatMap { period in
            [DeadlyTriadExperiment.Update.offPolicyTD, .offPolicyDP].map { Variant($0, targetPeriod: period) }
        }
        let variants = DeadlyTriadExperiment.Update.allCases.map { Variant($0) } + held
        progress.update("deadly-triad: \(variants.count) variants × \(sweeps) sweeps")
        return DeadlyTriadReport(trajectories: variants.map { DeadlyTriadExperiment.run($0, settings: settings) },
                                 settings: settings)
    }
}
