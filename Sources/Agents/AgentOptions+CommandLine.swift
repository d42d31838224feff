extension AgentOptions {
    /// The command-line arguments that choose these options, in `chosen`'s order, e.g.
    /// `["--double", "--psi", "advantage"]`; none for the defaults.
    public var commandLineArguments: [String] {
        chosen.flatMap { option -> [String] in
            switch option {
            case .replay: [option.flag, replay.rawValue]
            case .hindsight: [option.flag, hindsight.rawValue]
            case .psi: [option.flag] + (psi.map { [$0.rawValue] } ?? [])
            case .double, .noReplay, .noTarget, .bootstrapCritic, .adam, .herTerminal: [option.flag]
            }
        }
    }
}
