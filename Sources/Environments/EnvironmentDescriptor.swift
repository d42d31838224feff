/// One line of `rlterm envs`: an environment's name and what it is.
public struct EnvironmentDescriptor: Sendable, Equatable {
    public let name: String
    public let summary: String

    public init(name: String, summary: String) {
        self.name = name
        self.summary = summary
    }
}
