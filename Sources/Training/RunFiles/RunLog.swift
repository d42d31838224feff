import Agents
import Foundation
import NeuralNet

/// The files a run writes into its log directory (`--log-dir`): `run.json` (the configuration), `monitor.csv`
/// (one row per training episode), `progress.csv` (one row per progress report, `ProgressFormat`),
/// `evaluations.csv` (`timesteps,mean_return,std_return,train_seconds`), `model.safetensors` (the final
/// networks), `training-state.safetensors` (the optimizers' state and target network, for `--resume`) and
/// `best.safetensors` (the networks of the best evaluation).
///
/// Rows are written straight to the files (no buffering in the process), so a killed run keeps every row
/// it wrote.
public final class RunLog {
    public let directory: String
    /// `t_start` of `monitor.csv`, the Unix time episode times count from.
    public let startTime: Double
    private let monitor: FileHandle
    private let progress: FileHandle
    private var evaluations: FileHandle?

    /// Creates the directory if needed and writes `run.json` and the headers of `monitor.csv` and
    /// `progress.csv`, replacing any earlier run's files.
    public init(directory: String, configuration: TrainingConfiguration, startTime: Double) throws(RunLogError) {
        self.directory = directory
        self.startTime = startTime
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw RunLogError(path: directory, reason: error.localizedDescription)
        }
        try Self.writeConfiguration(configuration, in: directory)
        monitor = try Self.create(Self.path(directory, "monitor.csv"),
                                  MonitorFormat.header(startTime: startTime, environment: configuration.environment.name))
        progress = try Self.create(Self.path(directory, "progress.csv"), ProgressFormat.header)
    }

    /// Reopens the files of `point`'s run to append to them (a file the run did not write yet is created with
    /// its header) and rewrites `run.json` with `configuration`, the run's own with its new step budget.
    ///
    /// A point with a run checkpoint first cuts each CSV file back to the length the checkpoint recorded (and
    /// removes one it had not begun), dropping the rows a run wrote after its last checkpoint, so the continued
    /// files read as those of a run that never stopped.
    public init(resuming point: ResumePoint, configuration: TrainingConfiguration) throws(RunLogError) {
        directory = point.directory
        startTime = point.startTime
        if let lengths = point.logLengths {
            for name in ["monitor.csv", "progress.csv", "evaluations.csv"] {
                let path = Self.path(directory, name)
                guard let length = lengths[name] else {
                    if FileManager.default.fileExists(atPath: path) { unlink(path) }
                    continue
                }
                guard truncate(path, off_t(length)) == 0 else {
                    throw RunLogError(path: path, reason: "cannot cut it back to \(length) bytes: "
                                      + String(cString: strerror(errno)))
                }
            }
        }
        try Self.writeConfiguration(configuration, in: directory)
        monitor = try Self.open(Self.path(directory, "monitor.csv"),
                                header: MonitorFormat.header(startTime: startTime, environment: configuration.environment.name))
        progress = try Self.open(Self.path(directory, "progress.csv"), header: ProgressFormat.header)
        let evaluationsPath = Self.path(directory, "evaluations.csv")
        if FileManager.default.fileExists(atPath: evaluationsPath) {
            evaluations = try Self.open(evaluationsPath, header: Self.evaluationsHeader)
        }
    }

    /// The length in bytes of each CSV file written so far, by file name: where a run checkpoint taken now
    /// finds its rows' end.
    public func lengths() -> [String: Int] {
        var lengths: [String: Int] = [:]
        let handles = [("monitor.csv", monitor), ("progress.csv", progress)] + (evaluations.map { [("evaluations.csv", $0)] } ?? [])
        for (name, handle) in handles {
            if let offset = try? handle.offset() { lengths[name] = Int(offset) }
        }
        return lengths
    }

    public var modelPath: String { Self.path(directory, "model.safetensors") }
    public var bestPath: String { Self.path(directory, "best.safetensors") }
    public var statePath: String { Self.path(directory, "training-state.safetensors") }

    public func record(_ episode: EpisodeRecord) throws(RunLogError) {
        try Self.append(MonitorFormat.row(episode), to: monitor, path: Self.path(directory, "monitor.csv"))
    }

    public func record(_ report: TrainingProgress) throws(RunLogError) {
        try Self.append(ProgressFormat.row(report), to: progress, path: Self.path(directory, "progress.csv"))
    }

    /// Appends one evaluation row, creating `evaluations.csv` with its header on the first.
    public func record(_ evaluation: EvaluationResult, timesteps: Int, trainSeconds: Double) throws(RunLogError) {
        let path = Self.path(directory, "evaluations.csv")
        if evaluations == nil {
            evaluations = try Self.create(path, Self.evaluationsHeader)
        }
        try Self.append("\(timesteps),\(evaluation.meanReturn),\(evaluation.standardDeviation),\(trainSeconds)\n",
                        to: evaluations!, path: path)
    }

    static let evaluationsHeader = "timesteps,mean_return,std_return,train_seconds\n"

    static func path(_ directory: String, _ name: String) -> String {
        URL(fileURLWithPath: directory).appendingPathComponent(name).path
    }

    private static func writeConfiguration(_ configuration: TrainingConfiguration, in directory: String) throws(RunLogError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let runPath = path(directory, "run.json")
        do {
            try (try encoder.encode(configuration) + Data("\n".utf8)).write(to: URL(fileURLWithPath: runPath), options: .atomic)
        } catch {
            throw RunLogError(path: runPath, reason: error.localizedDescription)
        }
    }

    private static func create(_ path: String, _ text: String) throws(RunLogError) -> FileHandle {
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw RunLogError(path: path, reason: "cannot create the file")
        }
        return try open(path, header: text)
    }

    /// A handle positioned at the end of `path`, which is created holding `header` if it does not exist.
    private static func open(_ path: String, header: String) throws(RunLogError) -> FileHandle {
        if !FileManager.default.fileExists(atPath: path) { return try create(path, header) }
        guard let handle = FileHandle(forWritingAtPath: path) else { throw RunLogError(path: path, reason: "cannot open the file") }
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
        try? progress.close()
        try? evaluations?.close()
    }
}
