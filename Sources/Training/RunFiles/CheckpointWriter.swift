/// Writes a run's checkpoints into its `RunLog`'s directory, each atomically: the networks of every
/// evaluation that beats the earlier ones (`best.safetensors`), and at the end the final networks
/// (`model.safetensors`) and the optimizers' state (`training-state.safetensors`), so the run can be resumed.
public struct CheckpointWriter: TrainingObserver {
    public let log: RunLog

    public init(log: RunLog) {
        self.log = log
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
    }
}
