/// The switches of the Q-function agents that are choices rather than numbers: which stabilising
/// mechanisms are on, and how replay is drawn and relabelled.
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

    public init(replay: Replay = .uniform, hindsight: Hindsight = .none, double: Bool = false,
                noReplay: Bool = false, noTarget: Bool = false) {
        self.replay = replay
        self.hindsight = hindsight
        self.double = double
        self.noReplay = noReplay
        self.noTarget = noTarget
    }

    /// The options that differ from the defaults, as command-line flags (for messages and `run.json`).
    public var flags: [String] {
        var flags: [String] = []
        if replay != .uniform { flags.append("--replay \(replay.rawValue)") }
        if hindsight != .none { flags.append("--her \(hindsight.rawValue)") }
        if double { flags.append("--double") }
        if noReplay { flags.append("--no-replay") }
        if noTarget { flags.append("--no-target") }
        return flags
    }
}
