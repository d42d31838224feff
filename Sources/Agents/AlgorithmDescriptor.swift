/// One entry of the algorithm registry: what `rlterm algos` prints and how to build the agent.
public struct AlgorithmDescriptor: Sendable {
    public let name: String
    /// One line saying what the algorithm is.
    public let summary: String
    /// The command-line options it takes (e.g. "--double"), beyond hyperparameters.
    public let options: [String]
    let make: @Sendable (AgentConfiguration) throws(AlgorithmError) -> any Agent

    /// The hyperparameters it reads, in table order.
    public var hyperparameters: [HyperparameterKey] {
        HyperparameterSpec.table.filter { $0.defaults[name] != nil }.map(\.key)
    }
}
