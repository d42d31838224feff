import Foundation
import NeuralNet
import RLCore

/// A run's periodic and final checkpoints (`docs/CHECKPOINTS.md`): `D/checkpoints/step-NNNNNNNNNNNN.safetensors`,
/// each a `RunStateFile` holding the trainer's whole state (`Trainer.savedState()`) and a `log` part with the
/// length in bytes of each CSV file at that step, written atomically; the newest `keep` are kept. A file under
/// that name is complete (it appears only by an atomic rename), so the newest one is where `--resume` goes on.
public enum RunCheckpoint {
    public static let directoryName = "checkpoints"
    /// Checkpoints kept when no number is given (`--keep-checkpoints`): the newest and the one before, so a
    /// checkpoint damaged after it was written still leaves one to go back to by hand.
    public static let defaultKept = 2
    /// The version of the `log` part.
    static let logVersion = 1

    public static func directory(of runDirectory: String) -> String { RunLog.path(runDirectory, directoryName) }

    /// The checkpoint of step `step` in `runDirectory`.
    public static func path(in runDirectory: String, step: Int) -> String {
        let digits = String(step)
        return RunLog.path(directory(of: runDirectory), "step-" + String(repeating: "0", count: max(0, 12 - digits.count))
                           + digits + ".safetensors")
    }

    /// The steps of the checkpoints in `runDirectory`, oldest first (temporary files of an unfinished write are
    /// hidden and never listed).
    public static func steps(in runDirectory: String) -> [Int] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory(of: runDirectory))) ?? []
        return names.compactMap { name -> Int? in
            guard name.hasPrefix("step-"), name.hasSuffix(".safetensors") else { return nil }
            return Int(name.dropFirst(5).dropLast(12))
        }.sorted()
    }

    /// The newest checkpoint in `runDirectory`, nil if it has none.
    public static func latest(in runDirectory: String) -> String? {
        steps(in: runDirectory).last.map { path(in: runDirectory, step: $0) }
    }

    /// Writes `trainer`'s state with `log`'s lengths as the checkpoint of its current step, then deletes all but
    /// the newest `keep`.
    public static func save(_ trainer: Trainer, log: RunLog, keeping keep: Int) throws(TrainingError) {
        var parts = trainer.savedState()
        var logPart = StatePart()
        for (name, length) in log.lengths() { logPart.set(name, integer: length) }
        parts["log"] = logPart
        var versions = Trainer.stateVersions
        versions["log"] = logVersion
        let step = trainer.timesteps
        do {
            try FileManager.default.createDirectory(atPath: directory(of: log.directory), withIntermediateDirectories: true)
        } catch {
            throw .checkpoint(.cannotWrite(path: directory(of: log.directory), reason: error.localizedDescription))
        }
        do {
            try RunStateFile.save(parts, versions: versions,
                                  metadata: AgentCheckpoint.metadata(of: trainer.agent, configuration: trainer.configuration,
                                                                     timesteps: step),
                                  to: path(in: log.directory, step: step))
        } catch {
            throw .checkpoint(error)
        }
        for old in steps(in: log.directory).dropLast(max(keep, 1)) {
            unlink(path(in: log.directory, step: old))
        }
    }
}
