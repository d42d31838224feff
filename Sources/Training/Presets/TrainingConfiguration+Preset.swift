import Agents

extension TrainingConfiguration {
    /// Starts the configuration's algorithm on its environment from `preset` (nil: the algorithm's defaults and
    /// the environment's own time limit): its hyperparameters, its time limit and its name, nothing overridden.
    public mutating func start(from preset: Preset?, algorithm: Algorithm) {
        hyperparameters = preset?.hyperparameters ?? Hyperparameters(defaultsFor: algorithm)
        environment.timeLimit = preset?.timeLimit
        self.preset = preset?.name
        overridden = []
    }
}
