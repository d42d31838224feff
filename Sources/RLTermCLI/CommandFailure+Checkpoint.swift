import Training

extension CommandFailure {
    /// The failure to report for a checkpoint that cannot be loaded: 66 when it cannot be read, 65 otherwise.
    public init(_ error: AgentCheckpointError) {
        switch error {
        case .unreadable: self.init(error.description, status: .noInput)
        case .corrupt, .badMetadata: self.init(error.description, status: .dataError)
        }
    }
}
