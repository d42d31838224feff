/// One algorithm rlterm trains, described once: its name on the command line, in `run.json` and in checkpoint
/// metadata; the name a screen shows; what it is; the options it takes; its hyperparameters with their
/// defaults; and how to build an agent of it. `rlterm algos`, `--algo`, the terminal UI's switcher and panel,
/// validation and checkpoints all read this value, so nothing else names an algorithm.
///
/// Each agent's file defines its algorithm as a static constant (`Algorithm.dqn`); `AlgorithmRegistry.all`
/// lists them. Two algorithms are the same when their names are.
public struct Algorithm: Sendable, Hashable, CustomStringConvertible {
    /// The registry name ("dqn", "online-q", …).
    public let name: String
    /// The name a screen shows ("DQN", "online Q", …).
    public let displayName: String
    /// One line saying what the algorithm is.
    public let summary: String
    /// The switches it takes beyond hyperparameters.
    public let options: [AlgorithmOption]
    /// The Ψ choices it implements (`--psi`); empty for algorithms without a policy gradient.
    public let psiChoices: [Psi]
    /// The Ψ used when `--psi` is not given, nil for algorithms without a policy gradient.
    public let defaultPsi: Psi?
    /// Every hyperparameter it reads, with its default. The algorithm ignores keys absent here.
    public let defaults: [HyperparameterKey: Double]
    private let factory: @Sendable (AgentConfiguration) throws(AlgorithmError) -> any Agent

    public init(name: String, displayName: String, summary: String, options: [AlgorithmOption] = [], psiChoices: [Psi] = [],
                defaultPsi: Psi? = nil, defaults: [HyperparameterKey: Double],
                make: @escaping @Sendable (AgentConfiguration) throws(AlgorithmError) -> any Agent) {
        self.name = name
        self.displayName = displayName
        self.summary = summary
        self.options = options
        self.psiChoices = psiChoices
        self.defaultPsi = defaultPsi
        self.defaults = defaults
        factory = make
    }

    /// The hyperparameters it reads, in table order.
    public var hyperparameters: [HyperparameterKey] { defaults.keys.sorted() }

    /// Its options as the command line writes them ("--double", "--psi total|reward-to-go|baseline"), for help
    /// and messages.
    public var optionSynopses: [String] { options.map { $0.synopsis(psiChoices: psiChoices) } }

    public var description: String { name }

    /// Builds an agent after checking that the algorithm takes every option `configuration` turns on.
    public func make(_ configuration: AgentConfiguration) throws(AlgorithmError) -> any Agent {
        for option in configuration.options.chosen where !options.contains(option) {
            throw .unsupportedOption(algorithm: name, option: option.flag, supported: optionSynopses)
        }
        return try factory(configuration)
    }

    public static func == (lhs: Algorithm, rhs: Algorithm) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}
