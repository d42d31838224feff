import Agents
import RLCore
import Training

/// How noisy the policy-gradient estimate is under each choice of Ψ (the course notes' list, Schulman et al.
/// 2016 Sec. 2), for one fixed policy on CartPole-v1.
///
/// A VPG agent is first trained for a few thousand steps (so the policy is partly competent and V_φ
/// approximates V^π), then frozen. Many independent batches of whole episodes are sampled with the frozen
/// πθ, and on each batch b the estimate ĝ_b(Ψ) = ∇θ (1/N_b)·Σₜ Ψₜ·log πθ(aₜ|sₜ) is computed for every Ψ on
/// the same episodes (Ψ not normalised, no entropy term). The reported variance of a choice is the mean
/// squared deviation of the gradient vector from its mean over the batches, summed over all policy
/// parameters: Var = (1/K)·Σ_b ‖ĝ_b − ḡ‖², the trace of the estimate's covariance.
public enum PsiVarianceExperiment {
    public struct Settings: Sendable, Hashable {
        /// Steps of VPG training (its defaults) before the policy is frozen.
        public var trainingSteps = 10_000
        /// K, the number of independent batches.
        public var batches = 200
        /// Whole episodes per batch.
        public var episodesPerBatch = 5
        /// The seed of the training and of the sampled batches.
        public var seed: UInt64 = 0

        public init() {}
    }

    /// One row of the result.
    public struct Row: Sendable, Equatable {
        public var psi: Psi
        /// (1/K)·Σ_b ‖ĝ_b − ḡ‖².
        public var variance: Double
        /// ‖ḡ‖, the size of the mean gradient, for scale.
        public var meanGradientNorm: Double
    }

    /// The variance of the gradient estimate under every Ψ, in `Psi.allCases` order.
    public static func run(_ settings: Settings) -> [Row] {
        precondition(settings.batches >= 2 && settings.episodesPerBatch >= 1, "need at least two batches of one episode")
        let seed = RunSeed(settings.seed)
        let agent: VPGAgent
        var environments: LockstepEnvironments
        do {
            environments = try LockstepEnvironments(EnvironmentSpec(name: "cartpole"), count: 1, seed: seed)
            agent = try VPGAgent(AgentConfiguration(
                observationCount: environments.first.observationCount, actionCount: environments.first.actionCount,
                totalSteps: settings.trainingSteps, seed: seed, hyperparameters: Hyperparameters(defaultsFor: .vpg)))
        } catch {
            preconditionFailure("CartPole and VPG's defaults build an agent: \(error)")
        }
        environments.reset(for: agent)
        for _ in 0..<settings.trainingSteps { _ = environments.step(agent) }
        var environment = environments.first
        guard let valueFunction = agent.valueFunction else { preconditionFailure("VPG always has a value function") }
        let gamma = agent.hyperparameters[.gamma], lambda = agent.hyperparameters[.lambda]

        let reader = GradientReader(policy: agent.policy)
        var sums = [[Double]](repeating: [Double](repeating: 0, count: reader.count), count: Psi.allCases.count)
        var squaredNorms = [Double](repeating: 0, count: Psi.allCases.count)
        var rollout = Rollout(observationCount: environment.observationCount)
        for _ in 0..<settings.batches {
            rollout.removeAll()
            sample(agent, on: &environment, episodes: settings.episodesPerBatch, into: &rollout)
            let values = valueFunction.values(rollout.observations, count: rollout.count)
            let bootstrapValues = valueFunction.values(rollout.bootstrapObservations, count: rollout.bootstrapCount)
            for (index, psi) in Psi.allCases.enumerated() {
                let weights = psi.weights(rewards: rollout.rewards, terminated: rollout.terminated, truncated: rollout.truncated,
                                          values: values, bootstrapValues: bootstrapValues, gamma: gamma, lambda: lambda)
                let gradient = reader.gradient(observations: rollout.observations, actions: rollout.actions, psi: weights)
                for parameter in gradient.indices {
                    sums[index][parameter] += gradient[parameter]
                    squaredNorms[index] += gradient[parameter] * gradient[parameter]
                }
            }
        }
        let k = Double(settings.batches)
        return Psi.allCases.enumerated().map { index, psi in
            let meanSquaredNorm = sums[index].reduce(0) { $0 + ($1 / k) * ($1 / k) }
            return Row(psi: psi, variance: squaredNorms[index] / k - meanSquaredNorm, meanGradientNorm: meanSquaredNorm.squareRoot())
        }
    }

    /// Plays `episodes` whole episodes with the agent's (frozen) policy into `rollout`. Its own loop: the
    /// engine's either lets the agent learn or acts greedily, and this samples πθ without learning.
    static func sample(_ agent: VPGAgent, on environment: inout any Environment, episodes: Int, into rollout: inout Rollout) {
        var observation = [Float](repeating: 0, count: environment.observationCount)
        var next = observation
        for _ in 0..<episodes {
            environment.reset()
            observation.withUnsafeMutableBufferPointer { environment.writeObservation(into: $0) }
            var done = false
            while !done {
                let action = observation.withUnsafeBufferPointer { agent.act($0) }
                let outcome = environment.step(action)
                next.withUnsafeMutableBufferPointer { environment.writeObservation(into: $0) }
                observation.withUnsafeBufferPointer { s in
                    next.withUnsafeBufferPointer {
                        rollout.append(observation: s, action: action, reward: outcome.reward, terminated: outcome.terminated,
                                       truncated: outcome.truncated, nextObservation: $0)
                    }
                }
                swap(&observation, &next)
                done = outcome.isDone
            }
        }
    }
}
