/// A switch an algorithm may take besides its hyperparameters; `AgentOptions` holds their values and
/// `Algorithm.options` lists the ones each algorithm takes.
public enum AlgorithmOption: Sendable, Hashable, CaseIterable {
    case replay
    case hindsight
    case double
    case noReplay
    case noTarget
    case psi
    case bootstrapCritic
    case adam
    case herTerminal

    /// The command-line flag.
    public var flag: String {
        switch self {
        case .replay: "--replay"
        case .hindsight: "--her"
        case .double: "--double"
        case .noReplay: "--no-replay"
        case .noTarget: "--no-target"
        case .psi: "--psi"
        case .bootstrapCritic: "--bootstrap-critic"
        case .adam: "--adam"
        case .herTerminal: "--her-terminal"
        }
    }

    /// The flag with the values it takes, e.g. "--replay uniform|prioritized"; `psiChoices` are the Ψ an
    /// algorithm implements.
    public func synopsis(psiChoices: [Psi]) -> String {
        switch self {
        case .replay: "\(flag) \(AgentOptions.Replay.allCases.map(\.rawValue).joined(separator: "|"))"
        case .hindsight: "\(flag) \(AgentOptions.Hindsight.allCases.map(\.rawValue).joined(separator: "|"))"
        case .psi: "\(flag) \(Psi.list(psiChoices))"
        case .double, .noReplay, .noTarget, .bootstrapCritic, .adam, .herTerminal: flag
        }
    }
}
