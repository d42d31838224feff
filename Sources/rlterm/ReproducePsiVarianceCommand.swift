import Agents
import Experiments
import ArgumentParser
import Foundation

/// `rlterm reproduce psi-variance`: the empirical variance of the policy-gradient estimate under each of
/// the notes' six Ψ choices, for one fixed policy on CartPole-v1 (see `PsiVarianceExperiment`).
struct ReproducePsiVarianceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "psi-variance",
        abstract: "Variance of the policy-gradient estimate under each choice of Ψ, for a fixed policy on CartPole-v1.",
        discussion: """
            A VPG agent (its defaults) trains for --train-steps steps and is frozen. --batches independent batches \
            of --episodes whole episodes are then sampled with it; on each, the gradient estimate \
            ∇θ (1/N)·Σ Ψ_t·log π(a_t|s_t) is computed for every Ψ on the same episodes (γ and λ: VPG's defaults; \
            Ψ not normalised). variance = (1/K)·Σ_b ‖g_b − mean g‖², the mean squared deviation of the gradient \
            vector from its mean, summed over all policy parameters. Exit status: 64 bad usage, 74 I/O error.
            """
    )

    @Option(help: "VPG training steps before the policy is frozen.")
    var trainSteps = PsiVarianceExperiment.Settings().trainingSteps

    @Option(help: "Independent batches K (at least 2).")
    var batches = PsiVarianceExperiment.Settings().batches

    @Option(help: "Whole episodes per batch.")
    var episodes = PsiVarianceExperiment.Settings().episodesPerBatch

    @Option(help: "The seed of the training and of the sampled batches.")
    var seed: UInt64 = 0

    @Option(help: "Also write the table as CSV (columns psi,variance) to this file.")
    var csv: String?

    func run() throws {
        guard trainSteps >= 0 else { throw CommandFailure("--train-steps must be a whole number ≥ 0, got \(trainSteps)", status: .usage) }
        guard batches >= 2 else { throw CommandFailure("--batches must be a whole number ≥ 2, got \(batches)", status: .usage) }
        guard episodes >= 1 else { throw CommandFailure("--episodes must be a whole number ≥ 1, got \(episodes)", status: .usage) }
        var settings = PsiVarianceExperiment.Settings()
        settings.trainingSteps = trainSteps
        settings.batches = batches
        settings.episodesPerBatch = episodes
        settings.seed = seed
        let rows = PsiVarianceExperiment.run(settings)
        print("Ψ" + String(repeating: " ", count: 13) + "    variance    ‖mean g‖  formula")
        for row in rows.sorted(by: { $0.variance > $1.variance }) {
            let name = row.psi.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0)
            print(name + String(format: "%12.4g  %10.4g  ", row.variance, row.meanGradientNorm) + row.psi.formula)
        }
        if let csv {
            let text = "psi,variance\n" + rows.map { "\($0.psi.rawValue),\($0.variance)" }.joined(separator: "\n") + "\n"
            do {
                try text.write(toFile: csv, atomically: true, encoding: .utf8)
            } catch {
                throw CommandFailure("cannot write \(csv): \(error.localizedDescription)", status: .ioError)
            }
        }
    }
}
