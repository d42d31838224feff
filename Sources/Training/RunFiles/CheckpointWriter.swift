/// Writes a run's checkpoints into its `RunLog`'s directory, each atomically: the networks of every
/// evaluation that beats the earlier ones (`best.safetensors`), and at the end the final networks
/// (`model.safetensors`) and the optimizers' state (`training-state.safetensors`).
///
/// Every `Trainer.checkpointInterval` steps and at the end it also writes a run checkpoint (`RunCheckpoint`),
/// keeping the newest `keptCheckpoints`.
public struct CheckpointWriter: TrainingObserver {
    public let log: RunLog
    public let keptCheckpoints: Int

    public init(log: RunLog, keptCheckpoints: Int = RunCheckpoint.defaultKept) {
        self.log = log
        self.keptCheckpoints = keptCheckpoints
    }

    public func trainerReachedCheckpoint(_ trainer: Trainer) throws(TrainingError) {
        try RunCheckpoint.save(trainer, log: log, keeping: keptCheckpoints)
    }

    public func trainer(_ trainer: Trainer, evaluated evaluation: TrainingSummary.Evaluation,
                        isBest: Bool) throws(TrainingError) {
        guard isBest else { return }
        do {
            try AgentCheckpoint.save(trainer.agent, configuration: trainer.configuration, timesteps: evaluation.timesteps,
                                     to: log.bestPath)
        } catch {
            throw .checkpoint(error)
        }
    }

    public func trainerFinished(_ trainer: Trainer) throws(TrainingError) {
        do {
            try AgentCheckpoint.save(trainer.agent, configuration: trainer.configuration, timesteps: trainer.timesteps,
                                     to: log.modelPath)
            try TrainingState.save(trainer.agent, timesteps: trainer.timesteps, to: log.statePath)
        } catch {
            throw .checkpoint(error)
        }
        try RunCheckpoint.save(trainer, log: log, keeping: keptCheckpoints)
    }
}
