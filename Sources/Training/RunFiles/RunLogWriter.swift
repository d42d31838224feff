import Foundation

/// Writes a run's rows into its `RunLog` as they happen: a `monitor.csv` row per training episode, a
/// `progress.csv` row per progress point and an `evaluations.csv` row per evaluation.
public struct RunLogWriter: TrainingObserver {
    public let log: RunLog
    /// Seconds from the monitor's t_start to the trainer's time origin (a resumed run's t_start lies in the
    /// past): an episode's time in `monitor.csv` counts from t_start.
    private let timeOffset: Double

    /// A writer for a run that begins now.
    public init(log: RunLog) {
        self.log = log
        timeOffset = Date().timeIntervalSince1970 - log.startTime
    }

    public func trainer(_ trainer: Trainer, finished episode: EpisodeRecord) throws(TrainingError) {
        let row = EpisodeRecord(reward: episode.reward, length: episode.length, time: timeOffset + episode.time)
        do { try log.record(row) } catch { throw .log(error) }
    }

    public func trainer(_ trainer: Trainer, reported progress: TrainingProgress) throws(TrainingError) {
        do { try log.record(progress) } catch { throw .log(error) }
    }

    public func trainer(_ trainer: Trainer, evaluated evaluation: TrainingSummary.Evaluation,
                        isBest: Bool) throws(TrainingError) {
        do {
            try log.record(evaluation.result, timesteps: evaluation.timesteps, trainSeconds: evaluation.trainSeconds)
        } catch {
            throw .log(error)
        }
    }
}
