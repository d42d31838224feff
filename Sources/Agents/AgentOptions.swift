/// The switches of the agents that are choices rather than numbers: which stabilising mechanisms are on,
/// how replay is drawn and relabelled, and which Ψ weights a policy gradient.
public struct AgentOptions: Sendable, Equatable, Codable {
    /// Which replay memory an off-policy agent keeps.
    public enum Replay: String, Sendable, Codable, CaseIterable {
        /// Uniform sampling from a ring buffer of the last N transitions (Mnih et al. 2015).
        case uniform
        /// Proportional prioritization by |δ| with a sum tree (Schaul et al. 2016).
        case prioritized
    }

    /// Hindsight relabelling of goal episodes (Andrychowicz et al. 2017).
    public enum Hindsight: String, Sendable, Codable, CaseIterable {
        case none
        /// One extra copy of each transition with the goal achieved at the episode's end.
        case final
        /// k extra copies with goals achieved later in the same episode.
        case future
    }

    public var replay: Replay
    public var hindsight: Hindsight
    /// Double DQN: the online network picks a′, the target network evaluates it.
    public var double: Bool
    /// `--no-replay`: learn from the most recent transitions only (a memory of B transitions).
    public var noReplay: Bool
    /// `--no-target`: bootstrap from the online network itself (θ⁻ = θ at all times).
    public var noTarget: Bool
    /// `--psi`: the policy-gradient weight Ψ; nil takes the algorithm's default.
    public var psi: Psi?
    /// `--bootstrap-critic`: batch actor-critic fits V̂ to r + γ·V̂(s′) instead of sampled reward sums.
    public var bootstrapCritic: Bool
    /// `--adam`: online Q-iteration takes an Adam step with gradient-norm clipping instead of the notes' plain step.
    public var adam: Bool
    /// `--her-terminal`: a relabelled transition that reaches its goal is stored as terminated (no bootstrap),
    /// instead of the paper's bootstrapping of every transition.
    public var herTerminal: Bool

    public init(replay: Replay = .uniform, hindsight: Hindsight = .none, double: Bool = false,
                noReplay: Bool = false, noTarget: Bool = false, psi: Psi? = nil, bootstrapCritic: Bool = false,
                adam: Bool = false, herTerminal: Bool = false) {
        self.replay = replay
        self.hindsight = hindsight
        self.double = double
        self.noReplay = noReplay
        self.noTarget = noTarget
        self.psi = psi
        self.bootstrapCritic = bootstrapCritic
        self.adam = adam
        self.herTerminal = herTerminal
    }

    private enum CodingKeys: String, CodingKey {
        case replay, hindsight, double, noReplay, noTarget, psi, bootstrapCritic, adam, herTerminal
    }

    /// Decodes options saved before `psi`, `bootstrapCritic`, `adam` and `herTerminal` existed as well as current
    /// ones.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(replay: try container.decode(Replay.self, forKey: .replay),
                  hindsight: try container.decode(Hindsight.self, forKey: .hindsight),
                  double: try container.decode(Bool.self, forKey: .double),
                  noReplay: try container.decode(Bool.self, forKey: .noReplay),
                  noTarget: try container.decode(Bool.self, forKey: .noTarget),
                  psi: try container.decodeIfPresent(Psi.self, forKey: .psi),
                  bootstrapCritic: try container.decodeIfPresent(Bool.self, forKey: .bootstrapCritic) ?? false,
                  adam: try container.decodeIfPresent(Bool.self, forKey: .adam) ?? false,
                  herTerminal: try container.decodeIfPresent(Bool.self, forKey: .herTerminal) ?? false)
    }

    /// The options that differ from the defaults: the ones an algorithm must take for these options to run.
    public var chosen: [AlgorithmOption] {
        let differs: [(AlgorithmOption, Bool)] = [
            (.replay, replay != .uniform), (.hindsight, hindsight != .none), (.double, double), (.noReplay, noReplay),
            (.noTarget, noTarget), (.psi, psi != nil), (.bootstrapCritic, bootstrapCritic), (.adam, adam),
            (.herTerminal, herTerminal),
        ]
        return differs.filter(\.1).map(\.0)
    }
}
