import Training

extension CommandFailure {
    /// The failure to report for a run that could not start or go on: 64 for a bad setting, 65 for an invalid
    /// map, 66 for a missing map file, 70 when the agent met a non-finite value or diverged, 74 when writing failed.
    public init(_ error: TrainingError) {
        switch error {
        case .invalid, .hyperparameter, .algorithm:
            self.init(error.description, status: .usage)
        case .environment(let mapError):
            switch mapError {
            case .missingFile, .unreadable: self.init(error.description, status: .noInput)
            case .unknownName: self.init(error.description, status: .usage)
            case .invalidMap: self.init(error.description, status: .dataError)
            }
        case .log, .checkpoint:
            self.init(error.description, status: .ioError)
        case .agentFailed:
            self.init(error.description, status: .software)
        }
    }

    /// The failure to report for a run directory that cannot be resumed: 66 when something is missing, 65
    /// when a file is invalid, 64 when the budget leaves nothing to train.
    public init(_ error: ResumeError) {
        switch error {
        case .missing: self.init(error.description, status: .noInput)
        case .invalid: self.init(error.description, status: .dataError)
        case .finished: self.init(error.description, status: .usage)
        }
    }

    /// The failure to report for a run directory that cannot be written: 74.
    public init(_ error: RunLogError) {
        self.init(error.description, status: .ioError)
    }
}
