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
        TrainingConfiguration(
            environment: EnvironmentSpec(name: "cartpole"), algorithm: "dqn",
            hyperparameters: ["learning-starts": 100, "hidden": 16, "batch-size": 16], steps: steps, seed: seed,
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

    @Test("the same seed gives identical monitor.csv rewards and lengths; another seed does not")
    func determinism() throws {
        func rewardsAndLengths(seed: UInt64) throws -> [String] {
            let directory = Self.temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let configuration = Self.configuration(seed: seed, steps: 1500)
            _ = try Trainer(configuration).run(log: try RunLog(directory: directory, configuration: configuration, startTime: 0))
            let lines = try String(contentsOfFile: directory + "/monitor.csv", encoding: .utf8).split(separator: "\n").dropFirst(2)
            return lines.map { $0.split(separator: ",")[0..<2].joined(separator: ",") }
        }
        let first = try rewardsAndLengths(seed: 9)
        #expect(first.count > 10)
        #expect(try rewardsAndLengths(seed: 9) == first)
        #expect(try rewardsAndLengths(seed: 10) != first)
    }
}
