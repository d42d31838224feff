import ArgumentParser
import Experiments
import Foundation
import RLTermCLI

/// `rlterm reproduce psi-variance`: the empirical variance of the policy-gradient estimate under each of
/// the notes' six Ψ choices, for one fixed policy on CartPole-v1 (see `PsiVarianceExperiment`).
struct ReproducePsiVarianceCommand: ReproduceExperiment {
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

    func validate() throws {
        guard trainSteps >= 0 else { throw ValidationError("--train-steps must be a whole number ≥ 0, got \(trainSteps)") }
        guard batches >= 2 else { throw ValidationError("--batches must be a whole number ≥ 2, got \(batches)") }
        guard episodes >= 1 else { throw ValidationError("--episodes must be a whole number ≥ 1, got \(episodes)") }
    }

    /// One run, on the command's thread rather than a `ParallelJobs` worker, whose flush-to-zero could change
    /// the numbers it has always given.
    func report(progress: ProgressLine) throws -> PsiVarianceReport {
        var settings = PsiVarianceExperiment.Settings()
        settings.trainingSteps = trainSteps
        settings.batches = batches
        settings.episodesPerBatch = episodes
        settings.seed = seed
        progress.update("psi-variance: \(trainSteps) VPG steps, then \(batches) batches of \(episodes) episodes")
        return PsiVarianceReport(rows: PsiVarianceExperiment.run(settings))
    }
}
