import Foundation
import NeuralNet
import RLCore

/// Where a finished run stopped, read from its directory so `--resume` can continue it: the configuration
/// (`run.json`), the step count of the final networks (`model.safetensors` metadata), the episodes and the
/// last 100 returns (`monitor.csv`), the training time and gradient steps (last row of `progress.csv`) and
/// the best evaluation so far (`evaluations.csv`), so the continued logs read as one run.
public struct ResumePoint: Sendable {
    public let directory: String
    public let configuration: TrainingConfiguration
    /// Environment steps the saved networks were trained for.
    public let timesteps: Int
    /// Training episodes already in `monitor.csv`.
    public let episodes: Int
    /// The returns of the last (at most) 100 of those episodes, oldest first.
    public let recentReturns: [Double]
    /// Training time so far (0 for a run without `progress.csv`).
    public let trainSeconds: Double
    /// Gradient steps so far (0 for a run without `progress.csv`).
    public let gradientSteps: Int
    /// `t_start` of `monitor.csv`: continued episodes are timed from it, as if the run had never stopped.
    public let startTime: Double
    /// The best mean evaluation return so far, nil without evaluations: `best.safetensors` is replaced only
    /// by a better one.
    public let bestEvaluation: Double?
    /// The newest run checkpoint, read and checked, from which the run goes on exactly; nil for a directory
    /// written before rlterm had them (it resumes partially: networks, optimizers and counts).
    public let state: RunStateFile.Contents?
    /// The length of each CSV file at `state`'s step, by name (`RunLog(resuming:configuration:)` cuts them back).
    public let logLengths: [String: Int]?

    /// The counts the continued run starts from.
    public var counters: RunCounters {
        RunCounters(timesteps: timesteps, episodes: episodes, recentReturns: recentReturns, trainSeconds: trainSeconds,
                    gradientSteps: gradientSteps, bestEvaluation: bestEvaluation)
    }

    public var runPath: String { RunLog.path(directory, "run.json") }
    public var modelPath: String { RunLog.path(directory, "model.safetensors") }
    public var statePath: String { RunLog.path(directory, "training-state.safetensors") }

    /// Reads the run directory `directory`; every file is checked before anything is trained or written.
    public static func read(directory: String) throws(ResumeError) -> ResumePoint {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .missing(path: directory, reason: "no such run directory")
        }
        let runPath = RunLog.path(directory, "run.json")
        let configuration: TrainingConfiguration
        do {
            configuration = try JSONDecoder().decode(TrainingConfiguration.self, from: try contents(runPath))
        } catch let error as ResumeError {
            throw error
        } catch {
            throw .invalid(path: runPath, reason: "not a run configuration: \(error)")
        }
        let monitorPath = RunLog.path(directory, "monitor.csv")
        let monitor = try lines(monitorPath)
        guard let first = monitor.first, first.hasPrefix("#"),
              let header = try? JSONSerialization.jsonObject(with: Data(first.dropFirst().utf8)) as? [String: Any],
              let startTime = (header["t_start"] as? NSNumber)?.doubleValue else {
            throw .invalid(path: monitorPath + ":1", reason: "not a Monitor header ('#{\"t_start\": …}')")
        }
        if let latest = RunCheckpoint.latest(in: directory) {
            return try read(checkpoint: latest, directory: directory, configuration: configuration, startTime: startTime)
        }
        let modelPath = RunLog.path(directory, "model.safetensors")
        guard FileManager.default.fileExists(atPath: modelPath) else {
            throw .missing(path: modelPath, reason: "no final checkpoint (a run writes it when it ends; a killed run cannot be resumed)")
        }
        let metadata: [String: String]
        do {
            metadata = try Checkpoint.load(from: modelPath, into: [:])
        } catch {
            throw .invalid(path: modelPath, reason: error.description)
        }
        guard let timesteps = metadata["timesteps"].flatMap({ Int($0) }), timesteps >= 0 else {
            throw .invalid(path: modelPath, reason: "the metadata has no step count ('timesteps')")
        }
        guard metadata["algorithm"] == configuration.algorithm.name else {
            throw .invalid(path: modelPath,
                           reason: "networks of '\(metadata["algorithm"] ?? "?")', but run.json says '\(configuration.algorithm.name)'")
        }

        guard monitor.count >= 2, monitor[1] == "r,l,t" else {
            throw .invalid(path: monitorPath + ":2", reason: "expected the header 'r,l,t'")
        }
        var returns: [Double] = []
        for (index, line) in monitor.enumerated().dropFirst(2) {
            guard let reward = line.split(separator: ",").first.flatMap({ Double($0) }) else {
                throw .invalid(path: "\(monitorPath):\(index + 1)", reason: "not an episode row 'r,l,t': \(line)")
            }
            returns.append(reward)
        }

        var trainSeconds = 0.0, gradientSteps = 0
        let progressPath = RunLog.path(directory, "progress.csv")
        if FileManager.default.fileExists(atPath: progressPath) {
            let rows = try table(progressPath)
            if let last = rows.last {
                guard let seconds = Double(last.cells["train_seconds"] ?? ""), let gradients = Int(last.cells["gradient_steps"] ?? "") else {
                    throw .invalid(path: "\(progressPath):\(last.line)", reason: "no train_seconds or gradient_steps")
                }
                trainSeconds = seconds
                gradientSteps = gradients
            }
        }
        var bestEvaluation: Double?
        let evaluationsPath = RunLog.path(directory, "evaluations.csv")
        if FileManager.default.fileExists(atPath: evaluationsPath) {
            for row in try table(evaluationsPath) {
                guard let mean = Double(row.cells["mean_return"] ?? "") else {
                    throw .invalid(path: "\(evaluationsPath):\(row.line)", reason: "no mean_return")
                }
                bestEvaluation = max(bestEvaluation ?? mean, mean)
            }
        }
        return ResumePoint(
            directory: directory, configuration: configuration, timesteps: timesteps, episodes: returns.count,
            recentReturns: Array(returns.suffix(100)), trainSeconds: trainSeconds, gradientSteps: gradientSteps,
            startTime: startTime, bestEvaluation: bestEvaluation, state: nil, logLengths: nil)
    }

    /// The point of the run checkpoint at `path`: its state read and checked, its counts, and the CSV files
    /// checked to hold at least the rows it recorded.
    private static func read(checkpoint path: String, directory: String, configuration: TrainingConfiguration,
                             startTime: Double) throws(ResumeError) -> ResumePoint {
        let state: RunStateFile.Contents
        do {
            state = try RunStateFile.read(path: path)
        } catch {
            throw .invalid(path: path, reason: error.description.hasPrefix(path + ": ")
                           ? String(error.description.dropFirst(path.count + 2)) : error.description)
        }
        guard state.metadata["algorithm"] == configuration.algorithm.name else {
            throw .invalid(path: path, reason: "state of '\(state.metadata["algorithm"] ?? "?")', but run.json says "
                           + "'\(configuration.algorithm.name)'")
        }
        // A watched session may have switched environment or changed a hyperparameter live since run.json was
        // written; restoring its state under run.json's settings would not continue that run.
        for (key, expected) in [("environment.spec", AgentCheckpoint.json(configuration.environment)),
                                ("hyperparameters", AgentCheckpoint.json(configuration.hyperparameters.named))]
        where state.metadata[key] != expected {
            throw .invalid(path: path, reason: "its '\(key)' is \(state.metadata[key] ?? "missing"), but run.json says "
                           + "\(expected) (a session changed live cannot be continued from run.json)")
        }
        guard let trainer = state.parts["trainer"], let log = state.parts["log"] else {
            throw .invalid(path: path, reason: "part '\(state.parts["trainer"] == nil ? "trainer" : "log")' is missing")
        }
        let counters: RunCounters
        do {
            counters = try RunCounters(restoring: trainer)
        } catch {
            throw .invalid(path: path, reason: "part 'trainer': \(error)")
        }
        var lengths: [String: Int] = [:]
        do {
            for name in log.arrays.keys.sorted() {
                guard ["monitor.csv", "progress.csv", "evaluations.csv"].contains(name) else {
                    throw StatePartError.mismatch(key: name, reason: "not a file a run writes")
                }
                lengths[name] = try log.integer(name)
            }
        } catch {
            throw .invalid(path: path, reason: "part 'log': \(error)")
        }
        for (name, length) in lengths {
            let file = RunLog.path(directory, name)
            let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? nil
            guard let size, size >= length else {
                throw .invalid(path: file, reason: "\(size.map { "\($0) bytes" } ?? "missing"), but the checkpoint "
                               + "\(path) was taken after \(length): the run's files do not go with it")
            }
        }
        return ResumePoint(
            directory: directory, configuration: configuration, timesteps: counters.timesteps, episodes: counters.episodes,
            recentReturns: counters.recentReturns, trainSeconds: counters.trainSeconds, gradientSteps: counters.gradientSteps,
            startTime: startTime, bestEvaluation: counters.bestEvaluation, state: state, logLengths: lengths)
    }

    private static func contents(_ path: String) throws(ResumeError) -> Data {
        guard FileManager.default.fileExists(atPath: path) else { throw .missing(path: path, reason: "no such file") }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .invalid(path: path, reason: "cannot read: \(error.localizedDescription)")
        }
    }

    private static func lines(_ path: String) throws(ResumeError) -> [String] {
        var lines = String(decoding: try contents(path), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// The rows of a CSV file with a header line, as cells by column name with their 1-based line numbers.
    private static func table(_ path: String) throws(ResumeError) -> [(line: Int, cells: [String: String])] {
        let all = try lines(path)
        guard let header = all.first else { return [] }
        let names = header.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return all.enumerated().dropFirst().map { index, line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return (index + 1, Dictionary(zip(names, cells), uniquingKeysWith: { first, _ in first }))
        }
    }
}
