import ArgumentParser
import Experiments
import Foundation
import RLTermCLI
import Agents
import Training

/// `rlterm reproduce overestimation`: the bias of max_a Q̂ against the double estimator on pure noise (van
/// Hasselt et al. 2016, Fig. 1), and the same effect in DQN against Double DQN on CartPole-v1 (see
/// `EstimatorBiasExperiment` and `CartPoleOverestimationExperiment`).
struct ReproduceOverestimationCommand: ReproduceExperiment {
    static let configuration = CommandConfiguration(
        commandName: "overestimation",
        abstract: "Overestimation of max_a Q̂ vs the double estimator; DQN vs Double DQN (van Hasselt et al. 2016).",
        discussion: """
            van Hasselt, Guez & Silver, "Deep Reinforcement Learning with Double Q-learning" (AAAI 2016), Fig. 1: \
            every true action value is 0 and each of M estimates carries an independent N(0, 1) error. The \
            single estimator max_a Q̂(a), which the Q-learning and DQN targets use, is biased upwards by \
            E[max of M standard normals] (about 2.5076 for 100 actions and 3.2414 for 1,000); the double \
            estimator Q̂_B(argmax_a Q̂_A(a)) selects with one estimate set and evaluates with another, drawn \
            independently, and is unbiased. Each is averaged over --samples draws per M (the table gives the \
            standard error of each mean) beside the exact expected maximum, integrated numerically.

            Then the same effect in learning: DQN and Double DQN (--double: a′ picked by θ, evaluated by θ⁻) \
            train on CartPole-v1 with DQN's defaults for --steps steps on seeds 0…N−1. For a fixed set of probe \
            states (visited by random-action episodes from --probe-seed), the table gives the mean of \
            max_a Q(s, a) against the mean discounted return G = Σ γ^t·r_t that the greedy policy obtains from \
            the same states (γ = 0.99, 1,000 steps or until the pole falls, the 500-step limit ignored as the \
            targets ignore it); the same over the states of 5 of the agent's own greedy episodes (as the paper \
            averages over the states its agents visit); and for scale the mean return of 10 greedy episodes. \
            No return can exceed 1/(1 − γ) = 100, so a max Q above it is overestimation whatever the policy. \
            A run the trainer's divergence watchdog stops (|Q| beyond 1,000) is measured as it was and marked \
            with *. --set KEY=VALUE changes DQN's hyperparameters for both agents. --seeds 0 skips this part.

            --csv FILE writes part,actions,estimator,seed,quantity,value, one value per line (see the report's \
            CSV header). Work goes on --threads threads (default 2); every draw and run depends only on its \
            seed, so the numbers do not depend on the thread count. The defaults take about 50 s of CPU.
            Exit status: 64 bad usage (a bad --actions item is named with its column), 74 CSV file not writable.
            """
    )

    static let allowedActions = 1...100_000
    static let allowedSeeds = 0...100

    @Option(help: ArgumentHelp(
        "Numbers of actions M: comma-separated numbers or ranges A-B, each in "
            + "\(allowedActions.lowerBound)…\(allowedActions.upperBound).", valueName: "list"))
    var actions = "2,4,8,16,32,64,100,128,256,512,1000,1024"

    @Option(help: ArgumentHelp("Draws of the two estimate sets per number of actions.", valueName: "n"))
    var samples = EstimatorBiasExperiment.Settings().samples

    @Option(help: ArgumentHelp("The seed of the estimator draws.", valueName: "n"))
    var seed: UInt64 = 0

    @Option(help: ArgumentHelp("DQN and Double DQN runs on CartPole (seeds 0…N−1); 0 skips them.", valueName: "n"))
    var seeds = 5

    @Option(help: ArgumentHelp("Training steps per CartPole run.", valueName: "n"))
    var steps = CartPoleOverestimationExperiment.Settings().steps

    @Option(help: ArgumentHelp("Probe states at which Q is compared with the return obtained.", valueName: "n"))
    var probeStates = CartPoleOverestimationExperiment.Settings().probeStates

    @Option(help: ArgumentHelp("The seed of the random episodes that give the probe states.", valueName: "n"))
    var probeSeed: UInt64 = 0

    @Option(name: .customLong("set"), help: ArgumentHelp(
        "Change one of DQN's hyperparameters for both agents: --set KEY=VALUE (repeatable; keys: rlterm algos dqn).",
        valueName: "key=value"))
    var assignments: [String] = []

    @OptionGroup var parallel: ParallelRunOptions

    @Option(help: ArgumentHelp("Also write every value as CSV to this file.", valueName: "file"))
    var csv: String?

    func validate() throws {
        try ReproduceSupport.validate(list: actions, option: "--actions", allowed: Self.allowedActions, seeds: seeds,
                                      allowedSeeds: Self.allowedSeeds)
        guard samples >= 2 else { throw ValidationError("--samples must be at least 2, got \(samples)") }
        guard steps >= 1 else { throw ValidationError("--steps must be at least 1, got \(steps)") }
        guard probeStates >= 1 else { throw ValidationError("--probe-states must be at least 1, got \(probeStates)") }
        _ = try hyperparameters()
    }

    /// DQN's defaults with the `--set` assignments applied.
    private func hyperparameters() throws(ValidationError) -> Hyperparameters {
        var hyperparameters = Hyperparameters(defaultsFor: .dqn)
        for assignment in assignments {
            do {
                try hyperparameters.apply(assignment: assignment)
            } catch {
                throw ValidationError("--set: \(error)")
            }
        }
        return hyperparameters
    }

    /// One CartPole training run.
    private struct Run: Sendable {
        var double: Bool
        var seed: UInt64
    }

    func report(progress: ProgressLine) throws -> OverestimationReport {
        var estimator = EstimatorBiasExperiment.Settings()
        estimator.samples = samples
        estimator.seed = seed
        let counts = try IntegerList.parse(actions, allowed: Self.allowedActions)
        let rows = ReproduceSupport.results(of: counts, threads: parallel.threads, name: "overestimation: estimators",
                                            progress: progress, cost: { $0 }) { [estimator] count in
            EstimatorBiasExperiment.row(actions: count, settings: estimator)
        }
        var cartPole = CartPoleOverestimationExperiment.Settings()
        cartPole.steps = steps
        cartPole.hyperparameters = try hyperparameters()
        cartPole.probeStates = probeStates
        cartPole.probeSeed = probeSeed
        let states = CartPoleOverestimationExperiment.probeStates(settings: cartPole)
        let runs = [false, true].flatMap { double in (0..<seeds).map { Run(double: double, seed: UInt64($0)) } }
        let results = ReproduceSupport.results(of: runs, threads: parallel.threads, name: "overestimation: CartPole",
                                               progress: progress, cost: { _ in 1 }) { [cartPole] run in
            Result<CartPoleOverestimationExperiment.Outcome, TrainingError> { () throws(TrainingError) in
                try CartPoleOverestimationExperiment.run(double: run.double, seed: run.seed, states: states,
                                                         settings: cartPole)
            }
        }
        var outcomes: [CartPoleOverestimationExperiment.Outcome] = []
        for result in results {
            switch result {
            case .success(let outcome): outcomes.append(outcome)
            case .failure(let error): throw CommandFailure(error)
            }
        }
        return OverestimationReport(estimatorRows: rows, estimatorSettings: estimator, cartPoleOutcomes: outcomes,
                                    cartPoleSettings: cartPole)
    }
}
