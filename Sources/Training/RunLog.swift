import Agents
import Foundation
import NeuralNet

/// The files a run writes into its log directory (`--log-dir`): `run.json` (the configuration), `monitor.csv`
/// (one row per training episode), `evaluations.csv` (`timesteps,mean_return,std_return,train_seconds`),
/// `model.safetensors` (the final networks) and `best.safetensors` (the networks of the best evaluation).
public final class RunLog {
    public let directory: String
    private let monitor: FileHandle
    private var evaluations: FileHandle?

    /// Creates the directory if needed and writes `run.json` and the monitor header.
    public init(directory: String, configuration: TrainingConfiguration, startTime: Double) throws(RunLogError) {
        self.directory = directory
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw RunLogError(path: directory, reason: error.localizedDescription)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let runPath = Self.path(directory, "run.json")
        do {
            try (try encoder.encode(configuration) + Data("\n".utf8)).write(to: URL(fileURLWithPath: runPath))
        } catch {
            throw RunLogError(path: runPath, reason: error.localizedDescription)
        }
        monitor = try Self.create(Self.path(directory, "monitor.csv"),
                                  MonitorFormat.header(startTime: startTime, environment: configuration.environment.name))
    }

    public var modelPath: String { Self.path(directory, "model.safetensors") }
    public var bestPath: String { Self.path(directory, "best.safetensors") }

    public func record(_ episode: EpisodeRecord) throws(RunLogError) {
        try Self.append(MonitorFormat.row(episode), to: monitor, path: Self.path(directory, "monitor.csv"))
    }

    /// Appends one evaluation row, creating `evaluations.csv` with its header on the first.
    public func record(_ evaluation: EvaluationResult, timesteps: Int, trainSeconds: Double) throws(RunLogError) {
        let path = Self.path(directory, "evaluations.csv")
        if evaluations == nil {
            evaluations = try Self.create(path, "timesteps,mean_return,std_return,train_seconds\n")
        }
        try Self.append("\(timesteps),\(evaluation.meanReturn),\(evaluation.standardDeviation),\(trainSeconds)\n",
                        to: evaluations!, path: path)
    }

    static func path(_ directory: String, _ name: String) -> String {
        URL(fileURLWithPath: directory).appendingPathComponent(name).path
    }

    private static func create(_ path: String, _ text: String) throws(RunLogError) -> FileHandle {
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw RunLogError(path: path, reason: "cannot create the file")
        }
        do {
            try handle.seekToEnd()
        } catch {
            throw RunLogError(path: path, reason: error.localizedDescription)
        }
        return handle
    }

    private static func append(_ text: String, to handle: FileHandle, path: String) throws(RunLogError) {
        do {
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            throw RunLogError(path: path, reason: error.localizedDescription)
        }
    }

    deinit {
        try? monitor.close()
        try? evaluations?.close()
    }
}
