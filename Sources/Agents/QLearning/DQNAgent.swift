import NeuralNet
import RLCore

/// Deep Q-network (Mnih et al. 2015), with each stabilising mechanism switchable so its effect can be
/// watched (`AgentOptions`):
///
///     L(θ) = E_{(s,a,r,s′)~D}[ wᵢ·ℓ(r + γ·max_a′ Q(s′,a′;θ⁻) − Q(s,a;θ)) ]
///
/// with ℓ the Huber loss (the paper's error clipping). Transitions go into a replay memory D — a uniform
/// ring buffer of N transitions, or proportional prioritized replay (`--replay prioritized`, wᵢ the
/// importance-sampling weights with β annealed from β₀ to 1 over the budget, priorities |δ| + ε after each
/// replay) — or, with `--no-replay`, no replay: each update uses exactly the latest B transitions, each once
/// (the first waits until B are there). Every f environment steps after n₀ it takes G gradient steps; K gradient
/// steps after its last move the target network moves θ⁻ ← τ·θ + (1 − τ)·θ⁻ (τ = 1: a copy) — the paper's C,
/// so a live K edit counts from the last move.
/// `--double` picks a′ with θ and evaluates it with θ⁻; `--no-target` bootstraps from θ.
/// On an environment that describes its observation as an image of binary channels (MinAtar), Q is the
/// MinAtar paper's network (Young & Tian 2019): a 3 × 3 convolution of 16 filters with ReLU, then `layers`
/// ReLU layers of `hidden` units (the paper's: one of 128), trained with centered RMSProp (α = 0.95,
/// ε = 0.01, the authors' settings; `RMSProp.minAtarDQN`), and the memory keeps the observations one bit per
/// value. Elsewhere Q is an MLP trained with Adam.
/// With `--her final|future` on a goal environment, each finished episode is stored with its own goal and
/// relabelled with achieved goals (Andrychowicz et al. 2017), into either memory; as in the paper every
/// stored transition bootstraps, unless `--her-terminal` makes reaching a goal terminal.
public final class DQNAgent: QFunctionAgent {
    public let algorithm = Algorithm.dqn
    public let options: AgentOptions
    public private(set) var hyperparameters: Hyperparameters
    public let qFunction: QFunction
    public let memory: any ReplayMemory
    /// With `--no-replay`, `memory` itself: the last B transitions, which every update takes whole.
    private let latest: ReplayBuffer?
    private let totalSteps: Int
    /// The minibatch of the last update (its slots, importance weights and transitions), for inspection.
    public private(set) var batch: ReplayBatch
    public let exploration: EpsilonGreedy
    private var replayGenerator: Xoshiro256StarStar
    /// Environment steps observed so far.
    public private(set) var steps = 0
    private var hindsight: HindsightRelabeller?
    private var hindsightGenerator: Xoshiro256StarStar
    private var episode: GoalEpisode?
    /// The gradient step at which θ⁻ last moved (0 before the first move).
    private var lastTargetUpdate = 0

    public init(_ configuration: AgentConfiguration) throws(AlgorithmError) {
        let options = configuration.options
        if options.hindsight != .none && !configuration.isGoalEnvironment { throw .hindsightNeedsGoals }
        if options.herTerminal && options.hindsight == .none {
            throw .incompatibleOptions("--her-terminal", "--her none",
                                       reason: "only relabelled transitions can be made terminal")
        }
        if options.noReplay && options.replay == .prioritized {
            throw .incompatibleOptions("--no-replay", "--replay prioritized", reason: "without a memory there is nothing to prioritize")
        }
        self.options = options
        let h = configuration.hyperparameters
        hyperparameters = h
        totalSteps = configuration.totalSteps
        qFunction = QFunction(configuration, loss: .huber, separateTarget: !options.noTarget, batchSize: h.integer(.batchSize),
                              imageNetwork: true)
        // DQN reads buffer-size, so it always has a replay capacity.
        let capacity = configuration.replayCapacity ?? h.integer(.bufferSize)
        let storage = configuration.replayStorage
        switch options.replay {
        case .uniform:
            let buffer = ReplayBuffer(capacity: capacity, storage: storage)
            memory = buffer
            latest = options.noReplay ? buffer : nil
        case .prioritized:
            memory = PrioritizedReplayBuffer(capacity: capacity, storage: storage, alpha: h[.alpha])
            latest = nil
        }
        batch = ReplayBatch(size: h.integer(.batchSize), observationCount: configuration.observationCount)
        exploration = EpsilonGreedy(generator: configuration.seed.generator(for: "exploration"), totalSteps: configuration.totalSteps)
        replayGenerator = configuration.seed.generator(for: "replay")
        hindsightGenerator = configuration.seed.generator(for: "her")
        switch options.hindsight {
        case .none: hindsight = nil
        case .final: hindsight = HindsightRelabeller(strategy: .final, terminalOnSuccess: options.herTerminal)
        case .future:
            hindsight = HindsightRelabeller(strategy: .future(k: h.integer(.herK)),
                                            terminalOnSuccess: options.herTerminal)
        }
    }

    /// The importance-sampling exponent now: β₀ annealed linearly to 1 at the end of the budget.
    public var beta: Double { LinearSchedule(start: hyperparameters[.beta0], end: 1, duration: totalSteps).value(at: steps) }

    public func startEpisode(in environment: any Environment) {
        guard hindsight != nil, let goals = environment as? any GoalEnvironment else { return }
        episode = GoalEpisode(startingFrom: goals)
    }

    public func observe(observation: UnsafeBufferPointer<Float>, action: Int, outcome: StepOutcome,
                        nextObservation: UnsafeBufferPointer<Float>, environment: any Environment) {
        steps += 1
        if let hindsight, episode != nil, let goals = environment as? any GoalEnvironment {
            // Whole episodes are relabelled, so transitions wait for the episode's end.
            episode!.append(action: action, outcome: outcome, environment: goals)
            if outcome.isDone, let finished = episode {
                hindsight.store(finished, into: memory, environment: goals, using: &hindsightGenerator)
                episode = nil
            }
        } else {
            memory.add(observation: observation, action: action, reward: Float(outcome.reward), nextObservation: nextObservation,
                       terminated: outcome.terminated, truncated: outcome.truncated)
        }
        let learningStarts = hyperparameters.integer(.learningStarts)
        guard steps >= learningStarts, steps % hyperparameters.integer(.trainFrequency) == 0,
              memory.count >= (latest == nil ? 1 : batch.size) else { return }
        for _ in 0..<hyperparameters.integer(.gradientSteps) {
            update()
        }
    }

    /// One gradient step: sample a minibatch (or, without replay, take the latest B transitions), compute
    /// y = r + γ·Q(s′, a′; θ⁻), regress Q(s,a;θ) onto it, feed |δ| back to a prioritized memory, and move θ⁻
    /// once K gradient steps have passed since it last moved.
    public func update() {
        if let latest {
            latest.takeLatest(into: &batch)
        } else {
            memory.sample(into: &batch, beta: beta, using: &replayGenerator)
        }
        qFunction.computeTargets(batch.transitions, gamma: hyperparameters[.gamma], double: options.double)
        qFunction.fit(batch.transitions, weights: batch.weights, maxGradientNorm: hyperparameters[.maxGradientNorm])
        guard qFunction.failure == nil else { return }
        if options.replay == .prioritized {
            memory.updatePriorities(indices: batch.indices, tdErrors: qFunction.tdErrors)
        }
        if qFunction.gradientSteps - lastTargetUpdate >= hyperparameters.integer(.targetPeriod) {
            qFunction.updateTarget(tau: hyperparameters[.tau])
            lastTargetUpdate = qFunction.gradientSteps
        }
    }

    public var updateStep: String {
        let h = hyperparameters
        let count = { (key: HyperparameterKey) in HyperparameterSpec.format(h[key]) }
        let data: String
        if latest != nil {
            data = "the latest B = \(count(.batchSize)) transitions, each once (no replay)"
        } else if options.replay == .prioritized {
            data = "B = \(count(.batchSize)) drawn from D with P(i) ∝ p_i^α, weighted by w_i = (N·P(i))^−β"
        } else {
            data = "B = \(count(.batchSize)) drawn uniformly from D (up to N = \(count(.bufferSize)))"
        }
        let optimizer = qFunction.step == .centeredRMSProp ? "centered RMSProp" : "Adam"
        return "θ ← θ − \(optimizer) step (α = \(count(.learningRate))) on the Huber loss over \(data)"
    }

    public func setHyperparameter(_ key: HyperparameterKey, to value: Double) throws(HyperparameterError) {
        try hyperparameters.setLive(key, to: value)
        qFunction.apply(key, value)
        switch key {
        case .batchSize:
            batch = ReplayBatch(size: Int(value), observationCount: observationCount)
            // Without replay the memory is the last B transitions, so it follows B.
            latest?.resize(capacity: Int(value))
        case .alpha:
            (memory as? PrioritizedReplayBuffer)?.alpha = value
        case .herK:
            if options.hindsight == .future { hindsight?.strategy = .future(k: Int(value)) }
        default:
            break
        }
    }

    /// θ, θ⁻ and Adam (`q.`), the memory with its priorities (`memory.`), the exploration, replay and HER streams,
    /// the step count that drives ε, β and learning-starts, when θ⁻ last moved, and HER's episode in progress.
    public func saveState(into part: inout StatePart) {
        saveQLearningState(into: &part)
        part.storing("memory", memory.savedState)
        part.set("replay_generator", generator: replayGenerator)
        part.set("her_generator", generator: hindsightGenerator)
        part.set("last_target_update", integer: lastTargetUpdate)
        part.set("has_episode", flags: [episode != nil])
        if let episode {
            var saved = StatePart()
            episode.save(into: &saved)
            part.storing("episode", saved)
        }
    }

    public func restoreState(from part: StatePart) throws(StatePartError) {
        steps = try restoreQLearningState(from: part)
        try part.restoring("memory", memory.restoreState)
        replayGenerator = try part.generator("replay_generator")
        hindsightGenerator = try part.generator("her_generator")
        lastTargetUpdate = try part.integer("last_target_update", in: 0...qFunction.gradientSteps)
        if try part.flags("has_episode", count: 1)[0] {
            var restored: GoalEpisode?
            try part.restoring("episode") { saved throws(StatePartError) in
                restored = try GoalEpisode(restoring: saved, observationCount: observationCount)
            }
            episode = restored
        } else {
            episode = nil
        }
    }
}

extension Algorithm {
    public static let dqn = Algorithm(
        name: "dqn", displayName: "DQN",
        summary: "deep Q-network: replay memory, target network every K steps, Huber loss, ε-greedy",
        options: [.double, .noReplay, .noTarget, .replay, .hindsight, .herTerminal],
        defaults: [
            .gamma: 0.99, .hiddenSize: 64, .hiddenLayers: 2, .maxGradientNorm: 10, .epsilonStart: 1, .learningRate: 2.3e-3, .batchSize: 64, .bufferSize: 50_000, .learningStarts: 1000,
            .trainFrequency: 1, .gradientSteps: 1, .targetPeriod: 100, .tau: 1, .epsilonEnd: 0.04, .explorationFraction: 0.12,
            .alpha: 0.6, .beta0: 0.4, .herK: 4,
        ],
        make: { configuration throws(AlgorithmError) in try DQNAgent(configuration) })
}
