import Agents
import Environments
import Foundation
import Testing
@testable import Training

@Suite("Run directory files")
struct RunLogTests {
    static func temporaryDirectory() -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rlterm-tests-\(UUID().uuidString)")
        return url.path
    }

    static func configuration(seed: UInt64 = 5, steps: Int = 600) -> TrainingConfiguration {
        // The settings are all in range.
        try! TrainingConfiguration(
            environment: EnvironmentSpec(name: "cartpole"), algorithm: .dqn,
            hyperparameters: [.learningStarts: 100, .hiddenSize: 16, .batchSize: 16], steps: steps, seed: seed,
            evaluationInterval: 300, evaluationEpisodes: 2)
    }

    @Test("monitor lines follow Stable-Baselines3's Monitor: a JSON comment, r,l,t, values rounded to 6 decimals")
    func monitorFormat() {
        #expect(MonitorFormat.header(startTime: 1700000000.25, environment: "cartpole")
            == "#{\"t_start\": 1700000000.25, \"env_id\": \"cartpole\"}\nr,l,t\n")
        #expect(MonitorFormat.row(EpisodeRecord(reward: 500, length: 500, time: 1.23456789)) == "500.0,500,1.234568\n")
        #expect(MonitorFormat.row(EpisodeRecord(reward: -13, length: 13, time: 2)) == "-13.0,13,2.0\n")
    }

    @Test("a run writes run.json, monitor.csv (one row per episode), evaluations.csv and both checkpoints")
    func runFiles() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let configuration = Self.configuration()
        let log = try RunLog(directory: directory, configuration: configuration, startTime: 1700000000.5)
        let summary = try Trainer(configuration).run(log: log)
        let monitor = try String(contentsOfFile: directory + "/monitor.csv", encoding: .utf8).split(separator: "\n")
        #expect(monitor[0] == "#{\"t_start\": 1700000000.5, \"env_id\": \"cartpole\"}")
        #expect(monitor[1] == "r,l,t")
        #expect(monitor.count == 2 + summary.episodes.count)
        for (line, episode) in zip(monitor.dropFirst(2), summary.episodes) {
            let fields = line.split(separator: ",")
            #expect(fields.count == 3)
            #expect(Double(fields[0]) == episode.reward && Int(fields[1]) == episode.length)
        }
        let evaluations = try String(contentsOfFile: directory + "/evaluations.csv", encoding: .utf8).split(separator: "\n")
        #expect(evaluations.first == "timesteps,mean_return,std_return,train_seconds")
        #expect(evaluations.dropFirst().map { $0.split(separator: ",")[0] } == ["300", "600"])
        let saved = try JSONDecoder().decode(TrainingConfiguration.self, from: Data(contentsOf: URL(fileURLWithPath: directory + "/run.json")))
        #expect(saved == configuration)
        for name in ["model.safetensors", "best.safetensors"] {
            #expect(FileManager.default.fileExists(atPath: directory + "/" + name))
        }
    }

    /// The reward and length columns of `monitor.csv` of a run of `configuration` (times differ between runs).
    static func rewardsAndLengths(_ configuration: TrainingConfiguration) throws -> [String] {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try Trainer(configuration).run(log: try RunLog(directory: directory, configuration: configuration, startTime: 0))
        let lines = try String(contentsOfFile: directory + "/monitor.csv", encoding: .utf8).split(separator: "\n").dropFirst(2)
        return lines.map { $0.split(separator: ",")[0..<2].joined(separator: ",") }
    }

    /// gymnasium's CliffWalking has no time limit, and a random policy takes thousands of steps to reach the
    /// goal; with the limit of 100 steps a map may set, a short run ends many episodes.
    static func timeLimitedCliffwalking() throws -> String {
        let text = try #require(BuiltinMaps.all.first { $0.name == "cliffwalking" }?.text)
        #expect(text.contains("max_steps: none"))
        let path = temporaryDirectory() + "-cliffwalking.txt"
        try text.replacingOccurrences(of: "max_steps: none", with: "max_steps: 100").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("the same seed gives identical monitor.csv rewards and lengths; another seed does not (DQN on CartPole, VPG on cliffwalking)",
          arguments: [Algorithm.dqn, .vpg])
    func determinism(algorithm: Algorithm) throws {
        let map = algorithm == .vpg ? try Self.timeLimitedCliffwalking() : nil
        defer { map.map { try? FileManager.default.removeItem(atPath: $0) } }
        let configuration = try map.map {
            try TrainingConfiguration(environment: EnvironmentSpec(name: $0), algorithm: .vpg,
                                  hyperparameters: [.hiddenSize: 16, .stepsPerEpoch: 200], steps: 2000, seed: 9)
        } ?? Self.configuration(seed: 9, steps: 1500)
        let first = try Self.rewardsAndLengths(configuration)
        #expect(first.count > 10)
        #expect(try Self.rewardsAndLengths(configuration) == first)
        var other = configuration
        other.seed += 1
        #expect(try Self.rewardsAndLengths(other) != first)
    }

    @Test("progress.csv has its header and a row every interval and at the last step, empty cells where undefined")
    func progressFile() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let configuration = Self.configuration(steps: 650)
        let log = try RunLog(directory: directory, configuration: configuration, startTime: 0)
        var reports: [TrainingProgress] = []
        let path = directory + "/progress.csv"
        _ = try Trainer(configuration).run(log: log, progressInterval: 250) { report in
            reports.append(report)
            // Written before the report reaches anyone else: a run killed now would keep the row.
            let rows = (try? String(contentsOfFile: path, encoding: .utf8))?.split(separator: "\n") ?? []
            #expect(rows.count == 1 + reports.count)
        }
        let rows = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows.first.map(String.init) == String(ProgressFormat.header.dropLast()))
        #expect(rows.dropFirst().dropLast().map(String.init) == reports.map { String(ProgressFormat.row($0).dropLast()) })
        #expect(reports.map(\.steps) == [250, 500, 650])
        // learning-starts is 100 and DQN learns every step after it.
        #expect(reports.allSatisfy { $0.lastLoss != nil && $0.gradientSteps > 0 && $0.epsilon != nil })
    }

    @Test("a progress row leaves undefined cells empty and writes defined ones in full")
    func progressRow() {
        var report = TrainingProgress(steps: 1000, totalSteps: 5000, episodes: 0, meanReturn: nil, stepsPerSecond: 250.5,
                                      trainSeconds: 4, lastLoss: nil)
        #expect(ProgressFormat.row(report) == "1000,0,,,250.5,4.0,0,\n")
        report.meanReturn = 21.5
        report.lastLoss = 0.25
        report.gradientSteps = 900
        report.epsilon = 0.05
        #expect(ProgressFormat.row(report) == "1000,0,21.5,0.25,250.5,4.0,900,0.05\n")
        #expect(ProgressFormat.header.split(separator: ",").count == ProgressFormat.row(report).split(separator: ",").count)
    }
}
