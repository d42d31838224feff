import Agents

extension TrainingConfiguration {
    /// Starts the configuration's algorithm on its environment from `preset` (nil: the algorithm's defaults and
    /// the environment's own time limit): its hyperparameters, its Ψ, its time limit and its name, nothing
    /// overridden.
    public mutating func start(from preset: Preset?, algorithm: Algorithm) {
        hyperparameters = preset?.hyperparameters ?? Hyperparameters(defaultsFor: algorithm)
        options.psi = preset?.psi
        environment.timeLimit = preset?.timeLimit
        self.preset = preset?.name
        overridden = []
    }
}
