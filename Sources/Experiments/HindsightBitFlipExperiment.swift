import Agents
import RLCore
import Training

/// The bit-flipping experiment of Hindsight Experience Replay (Andrychowicz et al. 2017, Sec. 3.1, Fig. 1
/// and Appendix A): DQN with a goal-conditioned network Q(s‖g, a) on n bits, without HER and with `final`
/// or `future` relabelling, scored by the success rate of its greedy policy after training.
///
/// Training follows the paper's rhythm, scaled down: epochs of C cycles, each cycle E episodes of at most n
/// steps (ε-greedy) followed by M optimisation steps on minibatches of B and one Polyak update
/// θ⁻ ← (1 − τ)·θ⁻ + τ·θ (τ larger than the paper's, see `Settings.tau`). Targets y = r + γ·max_a′ Q(s′‖g, a′; θ⁻) are clipped to [−1/(1−γ), 0], the
/// returns possible with rewards in {−1, 0}. The network is the paper's one hidden layer of 256 units,
/// trained with Adam at 10⁻³, γ = 0.98. Inputs are bits already, so the paper's running normalisation is
/// left out; DQN's Huber loss and gradient-norm clipping stay on. As in the paper, every transition HER stores
/// bootstraps (γ applies to all of them, `HindsightRelabeller`); `Settings.herTerminal` makes reaching a goal
/// terminal instead.
public enum HindsightBitFlipExperiment {
    /// The knobs of one run; the defaults are the paper's where it states them.
    public struct Settings: Sendable, Hashable {
        /// Units in the one hidden layer (the paper: 256).
        public var hiddenSize = 256
        /// Adam's step size (the paper: 0.001).
        public var learningRate = 1e-3
        /// γ (the paper: 0.98).
        public var gamma = 0.98
        /// B, the minibatch size (the paper: 128).
        public var batchSize = 128
        /// N, the replay capacity (the paper: 10⁶; fewer here because far fewer episodes are played).
        public var bufferSize = 250_000
        /// C, cycles per epoch (the paper: 50).
        public var cyclesPerEpoch = 50
        /// E, episodes per cycle (the paper: 16, over all its workers).
        public var episodesPerCycle = 16
        /// M, optimisation steps per cycle (the paper: 40).
        public var optimisationSteps = 40
        /// τ of the Polyak update after each cycle. The paper's polyak decay 0.95 (τ = 0.05) lets θ⁻ trail by
        /// about 20 cycles, which its 200 epochs absorb; in runs 10× shorter τ = 0.2 learns 50 bits several
        /// epochs sooner (docs/RESULTS.md).
        public var tau = 0.2
        /// ε of ε-greedy exploration while training, constant (the paper's random-action rate for DDPG).
        public var epsilon = 0.2
        /// k, relabelled copies per transition for `future` (the paper's best: 4).
        public var herK = 4
        /// Whether HER stores a transition that reaches its goal as terminated (`--her-terminal`) rather than
        /// bootstrapping every transition as the paper does.
        public var herTerminal = false
        /// Greedy test episodes after training whose success rate is the result.
        public var testEpisodes = 100
        /// Epochs for n bits are ⌈epochsPerBit·n⌉, at least `minimumEpochs`: longer goals need more
        /// training (the paper trains 200 epochs for every n, with 8 workers).
        public var epochsPerBit = 0.4
        public var minimumEpochs = 1
        /// When set, every bit count trains this many epochs instead.
        public var fixedEpochs: Int?

        public init() {}

        /// The number of epochs a run on `bits` bits trains.
        public func epochs(bits: Int) -> Int {
            fixedEpochs ?? max(minimumEpochs, Int((epochsPerBit * Double(bits)).rounded(.up)))
        }

        /// DQN's hyperparameters for these settings, validated against the hyperparameter table. Updates
        /// come only from the cycle schedule, never from `observe`, so n₀ is set out of reach; the target
        /// moves once per cycle (K = M).
        public func hyperparameters() throws(HyperparameterError) -> Hyperparameters {
            var h = Hyperparameters(defaultsFor: .dqn)
            let values: [(HyperparameterKey, Double)] = [
                (.hiddenSize, Double(hiddenSize)), (.hiddenLayers, 1), (.learningRate, learningRate), (.gamma, gamma),
                (.batchSize, Double(batchSize)), (.bufferSize, Double(bufferSize)),
                (.learningStarts, HyperparameterSpec.spec(for: .learningStarts).maximum),
                (.targetPeriod, Double(optimisationSteps)), (.tau, tau),
                (.epsilonStart, epsilon), (.epsilonEnd, epsilon), (.explorationFraction, 0), (.herK, Double(herK)),
            ]
            for (key, value) in values { try h.set(key, to: value) }
            return h
        }
    }

    /// The fraction of `settings.testEpisodes` greedy episodes, on an environment of their own, that reach
    /// the goal (at any step, as in the paper's Appendix A) after training DQN for `settings.epochs(bits:)`
    /// epochs with `hindsight` relabelling. Everything random comes from `seed`.
    public static func successRate(bits: Int, hindsight: AgentOptions.Hindsight, seed: UInt64,
                                   settings: Settings = Settings()) -> Double {
        let agent = trainedAgent(bits: bits, hindsight: hindsight, seed: seed, settings: settings)
        var test: any Environment
        do {
            test = try environment(bits: bits).make(generator: RunSeed(seed).generator(for: "test-env"))
        } catch {
            preconditionFailure("bit flipping needs no map: \(error)")
        }
        return successRate(of: agent, on: &test, episodes: settings.testEpisodes)
    }

    /// The environment of every run: the engine's bit flipping on `bits` bits.
    static func environment(bits: Int) -> EnvironmentSpec {
        EnvironmentSpec(name: "bitflip", bits: bits)
    }

    /// A DQN agent trained on `bits` bits with the cycle schedule of `settings`. Episodes are the engine's
    /// (`LockstepEnvironments`); the loop is the experiment's own because HER's cycles interleave whole
    /// episodes with optimisation steps that no transition triggers.
    static func trainedAgent(bits: Int, hindsight: AgentOptions.Hindsight, seed: UInt64, settings: Settings) -> DQNAgent {
        let runSeed = RunSeed(seed)
        let cycles = settings.epochs(bits: bits) * settings.cyclesPerEpoch
        let agent: DQNAgent
        var environments: LockstepEnvironments
        do {
            environments = try LockstepEnvironments(environment(bits: bits), count: 1, seed: runSeed)
            agent = try DQNAgent(AgentConfiguration(
                observationCount: 2 * bits, actionCount: bits, totalSteps: cycles * settings.episodesPerCycle * bits,
                seed: runSeed, hyperparameters: try settings.hyperparameters(),
                options: AgentOptions(hindsight: hindsight, herTerminal: settings.herTerminal && hindsight != .none),
                isGoalEnvironment: true))
        } catch {
            preconditionFailure("HER bit-flipping settings are invalid: \(error)")
        }
        agent.qFunction.targetBounds = Float(-1 / (1 - settings.gamma))...0
        environments.reset(for: agent)
        for _ in 0..<cycles {
            for _ in 0..<settings.episodesPerCycle {
                while environments.step(agent).finished == nil {}
            }
            for _ in 0..<settings.optimisationSteps { agent.update() }
        }
        return agent
    }

    /// The fraction of `episodes` greedy episodes on `environment` (`GreedyEvaluation`) whose state equals
    /// the goal at some step, the first state included.
    static func successRate(of agent: DQNAgent, on environment: inout any Environment, episodes: Int) -> Double {
        var successes = Set<Int>()
        _ = GreedyEvaluation.run(agent, on: &environment, episodes: episodes) { environment, episode, _ in
            guard let goals = environment as? any GoalEnvironment,
                  goals.isSuccess(achieved: goals.achievedGoal, desired: goals.desiredGoal) else { return }
            successes.insert(episode)
        }
        return Double(successes.count) / Double(episodes)
    }
}
