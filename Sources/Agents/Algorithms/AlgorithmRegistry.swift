/// The one list of algorithms behind `rlterm algos`, `--algo` and the terminal UI's switcher, in listing order.
/// Adding an algorithm is its agent's file (with its `Algorithm` constant) and one line here.
public enum AlgorithmRegistry {
    public static let all: [Algorithm] = [.fqi, .onlineQ, .dqn, .reinforce, .vpg, .ac, .onlineAC]

    /// The registered names, in listing order.
    public static var names: [String] { all.map(\.name) }

    /// The algorithm registered as `name`.
    public static func algorithm(named name: String) throws(AlgorithmError) -> Algorithm {
        guard let algorithm = all.first(where: { $0.name == name }) else { throw .unknownAlgorithm(name, known: names) }
        return algorithm
    }

    /// Builds an agent of `configuration.hyperparameters.algorithm` (`Algorithm.make`).
    public static func make(_ configuration: AgentConfiguration) throws(AlgorithmError) -> any Agent {
        try configuration.hyperparameters.algorithm.make(configuration)
    }
}
