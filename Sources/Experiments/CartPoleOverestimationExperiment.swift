import Agents
import Environments
import RLCore
import Training

/// Overestimation in DQN against Double DQN on CartPole-v1, measured as van Hasselt, Guez & Silver (2016)
/// measure it on Atari (Sec. 4, Fig. 3): the value the network predicts against the discounted return the
/// greedy policy actually obtains from the same states.
///
/// Each agent trains with DQN's hyperparameters (the engine's `Trainer`; `--double` picks
/// a′ = argmax_a′ Q(s′,a′;θ) and evaluates it with θ⁻). Two sets of states: probe states, fixed for every
/// agent (those visited by episodes of uniformly random actions from a seeded stream), and the states the
/// agent's own greedy policy visits. For each state s the report compares max_a Q(s, a; θ) with
/// G(s) = Σₜ γᵗ·rₜ of the greedy policy started in s, run for `Settings.horizon` steps or until the pole falls.
/// The 500-step time limit is ignored there, as the Q-learning target ignores it (a truncated transition
/// bootstraps), so G(s) is the value max_a Q(s, a) estimates; the steps beyond the horizon could add at most
/// γ^horizon/(1 − γ) (0.004 for 1,000 steps at γ = 0.99).
public enum CartPoleOverestimationExperiment {
    /// The knobs of one comparison.
    public struct Settings: Sendable, Equatable {
        /// Training steps per agent (DQN's defaults are tuned to solve CartPole within 50,000).
        public var steps = 50_000
        /// DQN's hyperparameters, for both agents (its defaults unless changed).
        public var hyperparameters = Hyperparameters(defaultsFor: .dqn)
        /// How many probe states.
        public var probeStates = 200
        /// The seed of the random episodes that give the probe states (the same for every agent).
        public var probeSeed: UInt64 = 0
        /// Steps of each greedy rollout from a probe state.
        public var horizon = 1000
        /// Greedy episodes whose visited states are the second set of states.
        public var policyEpisodes = 5
        /// Greedy episodes (with the time limit) whose mean return the report gives for scale.
        public var evaluationEpisodes = 10

        public init() {}
    }

    /// What an agent predicts and obtains over a set of states.
    public struct Comparison: Sendable, Equatable {
        /// The mean over the states of max_a Q(s, a; θ).
        public var meanMaxQ: Double
        /// The mean over the states of the discounted return G(s) of the greedy policy.
        public var meanReturn: Double

        /// mean max Q − mean G: positive when the agent overestimates.
        public var overestimation: Double { meanMaxQ - meanReturn }
    }

    /// What one trained agent predicts and obtains.
    public struct Outcome: Sendable, Equatable {
        public var double: Bool
        public var seed: UInt64
        /// Over the probe states (the same for every agent).
        public var probeStates: Comparison
        /// Over the states the agent's own greedy policy visits.
        public var policyStates: Comparison
        /// The mean return of `Settings.evaluationEpisodes` greedy CartPole-v1 episodes (500 at most), for scale.
        public var episodeReturn: Double
        /// The step at which training stopped early, if it did: the trainer's divergence watchdog saw |Q| beyond
        /// 10·max|r|/(1 − γ), or the agent refused a non-finite update. The networks are measured as they were.
        public var stoppedAt: Int?
    }

    /// The probe states: every state in which a uniformly random action is taken, over as many random episodes
    /// from `settings.probeSeed` as it takes to collect `settings.probeStates` (so none is terminal).
    public static func probeStates(settings: Settings) -> [CartPole.State] {
        let seed = RunSeed(settings.probeSeed)
        var environment = CartPole(generator: seed.generator(for: "probe-env"))
        var actions = seed.generator(for: "probe-actions")
        var states: [CartPole.State] = []
        while states.count < settings.probeStates {
            states.append(environment.state)
            if environment.step(actions.uniformInt(below: 2)).isDone { environment.reset() }
        }
        return states
    }

    /// Trains DQN (Double DQN if `double`) from `seed` and measures it on `states`. A run the trainer stops
    /// because its values diverged is measured too, with `Outcome.stoppedAt` set.
    public static func run(double: Bool, seed: UInt64, states: [CartPole.State], settings: Settings)
        throws(TrainingError) -> Outcome {
        let configuration = TrainingConfiguration(
            environment: EnvironmentSpec(name: "cartpole"), hyperparameters: settings.hyperparameters,
            options: AgentOptions(double: double), steps: settings.steps, seed: seed)
        let trainer = try Trainer(configuration)
        var stoppedAt: Int?
        do throws(TrainingError) {
            _ = try trainer.run()
        } catch {
            // Values growing without bound are what this experiment looks for: measure the networks as they were.
            guard case .agentFailed(let step, _) = error else { throw error }
            stoppedAt = step
        }
        let agent = trainer.agent
        let gamma = agent.hyperparameters[.gamma]
        var maxQ = 0.0, returns = 0.0
        for state in states {
            maxQ += maximumQ(of: agent, at: state)
            returns += discountedReturn(of: agent, from: state, gamma: gamma, horizon: settings.horizon)
        }
        var evaluation: any Environment = CartPole(generator: RunSeed(seed).generator(for: "overestimation-eval"))
        let episodes = GreedyEvaluation.run(agent, on: &evaluation, episodes: settings.evaluationEpisodes)
        return Outcome(double: double, seed: seed,
                       probeStates: Comparison(meanMaxQ: maxQ / Double(states.count),
                                               meanReturn: returns / Double(states.count)),
                       policyStates: policyComparison(of: agent, gamma: gamma, settings: settings),
                       episodeReturn: episodes.meanReturn, stoppedAt: stoppedAt)
    }

    /// max_a Q(s, a; θ) at `state`, whose observation is the state rounded to float32.
    static func maximumQ(of agent: any Agent, at state: CartPole.State) -> Double {
        let observation = [Float(state.x), Float(state.xDot), Float(state.theta), Float(state.thetaDot)]
        return Double(agent.qValues(for: observation).max()!)
    }

    /// max Q against G over the states the greedy policy visits in `settings.policyEpisodes` CartPole-v1
    /// episodes (at most 500 steps each) from start states of the probe seed, as van Hasselt et al. average
    /// over the states their agents visit. Each episode's rollout goes on past the time limit for
    /// `settings.horizon` more steps, so G of every visited state, summed backwards, is as long as a probe
    /// state's.
    static func policyComparison(of agent: any Agent, gamma: Double, settings: Settings) -> Comparison {
        var environment = CartPole(generator: RunSeed(settings.probeSeed).generator(for: "policy-starts"))
        var observation = [Float](repeating: 0, count: 4)
        var maxQ = 0.0, returns = 0.0, visited = 0
        for _ in 0..<settings.policyEpisodes {
            environment.reset()
            var rewards: [Double] = []
            while rewards.count < CartPole.maxEpisodeSteps + settings.horizon {
                if rewards.count < CartPole.maxEpisodeSteps { maxQ += maximumQ(of: agent, at: environment.state) }
                observation.withUnsafeMutableBufferPointer { environment.writeObservation(into: $0) }
                let outcome = environment.step(observation.withUnsafeBufferPointer { agent.actGreedily($0) })
                rewards.append(outcome.reward)
                if outcome.terminated { break }
            }
            var g = 0.0
            for t in rewards.indices.reversed() {
                g = rewards[t] + gamma * g
                if t < CartPole.maxEpisodeSteps { returns += g }
            }
            visited += min(rewards.count, CartPole.maxEpisodeSteps)
        }
        return Comparison(meanMaxQ: maxQ / Double(visited), meanReturn: returns / Double(visited))
    }

    /// G(s) = Σₜ γᵗ·rₜ of `agent`'s greedy policy from `state`, for `horizon` steps or until the pole falls
    /// (the terminating step's reward 1 included), without the time limit.
    public static func discountedReturn(of agent: any Agent, from state: CartPole.State, gamma: Double, horizon: Int)
        -> Double {
        var environment = CartPole(generator: Xoshiro256StarStar(seed: 0))
        environment.reset(to: state)
        var observation = [Float](repeating: 0, count: 4)
        var total = 0.0, discount = 1.0
        for _ in 0..<horizon {
            observation.withUnsafeMutableBufferPointer { environment.writeObservation(into: $0) }
            let outcome = environment.step(observation.withUnsafeBufferPointer { agent.actGreedily($0) })
            total += discount * outcome.reward
            discount *= gamma
            if outcome.terminated { break }
        }
        return total
    }
}
