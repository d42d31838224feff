/// Something that follows a `Trainer`'s run, with one job: writing the run's CSV files (`RunLogWriter`), its
/// checkpoints (`CheckpointWriter`), or showing progress (`ProgressReporter`). The trainer tells its observers
/// in the order given, between two environment steps; an observer that throws ends the run with that error.
/// Every event has an implementation that does nothing, so an observer implements only those it needs.
public protocol TrainingObserver {
    /// A training episode ended with the trainer's last step.
    func trainer(_ trainer: Trainer, finished episode: EpisodeRecord) throws(TrainingError)
    /// A progress point: every `progressInterval` steps, at the last step of the budget, and at the end of a
    /// run that stopped between two of them.
    func trainer(_ trainer: Trainer, reported progress: TrainingProgress) throws(TrainingError)
    /// A greedy evaluation ended (`GreedyEvaluator`); `isBest` when its mean return beats every earlier
    /// evaluation of the run.
    func trainer(_ trainer: Trainer, evaluated evaluation: TrainingSummary.Evaluation, isBest: Bool) throws(TrainingError)
    /// Every `Trainer.checkpointInterval` steps, after that step's progress point and evaluation.
    func trainerReachedCheckpoint(_ trainer: Trainer) throws(TrainingError)
    /// The run ended: the budget spent, solved, or stopped by the caller.
    func trainerFinished(_ trainer: Trainer) throws(TrainingError)
}

extension TrainingObserver {
    public func trainer(_ trainer: Trainer, finished episode: EpisodeRecord) throws(TrainingError) {}
    public func trainer(_ trainer: Trainer, reported progress: TrainingProgress) throws(TrainingError) {}
    public func trainer(_ trainer: Trainer, evaluated evaluation: TrainingSummary.Evaluation,
                        isBest: Bool) throws(TrainingError) {}
    public func trainerReachedCheckpoint(_ trainer: Trainer) throws(TrainingError) {}
    public func trainerFinished(_ trainer: Trainer) throws(TrainingError) {}
}
