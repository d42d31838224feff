import Analysis
import Foundation
import Testing
import Training

@Suite("Runs from their directories: Monitor files merged, run.json flattened, runs grouped by what differs")
struct RunRecordTests {
    static func runJSON(algorithm: String, lr: Double, seed: Int, double: Bool = false) -> String {
        """
        {"algorithm": "\(algorithm)", "environment": {"name": "cartpole", "bits": 10}, "seed": \(seed),
         "hyperparameters": {"lr": \(lr), "gamma": 0.99}, "options": {"double": \(double)}, "version": "0.1.0"}
        """
    }

    static func run(_ properties: [String: String], configured: Bool = true) -> RunRecord {
        RunRecord(directory: "d", properties: properties, episodes: [EpisodeRecord(reward: 1, length: 1, time: 0)],
                  isConfigured: configured)
    }

    @Test("run.json is flattened by dotted keys, numbers and booleans as text")
    func properties() throws {
        let properties = try RunProperties.parse(Data(Self.runJSON(algorithm: "dqn", lr: 0.001, seed: 3, double: true).utf8),
                                                 path: "r/run.json")
        #expect(properties["algorithm"] == "dqn" && properties["environment.name"] == "cartpole")
        #expect(properties["hyperparameters.lr"] == "0.001" && properties["environment.bits"] == "10")
        #expect(properties["options.double"] == "true" && properties["seed"] == "3")
    }

    @Test("a run.json that is not a JSON object is refused with its path")
    func badConfiguration() throws {
        let root = try FixtureRuns.directory(["r/run.json": "{\"algorithm\": ", "r/monitor.csv": FixtureRuns.monitor([(1, 1, 0)])])
        #expect(throws: RunReadError.self) { try RunRecord.read(directory: root + "/r", monitorFiles: ["monitor.csv"]) }
        do {
            _ = try RunRecord.read(directory: root + "/r", monitorFiles: ["monitor.csv"])
        } catch {
            #expect(error.location == root + "/r/run.json" && error.reason.hasPrefix("not JSON"))
        }
        #expect(throws: RunReadError.self) { try RunProperties.parse(Data("[1, 2]".utf8), path: "x") }
    }

    @Test("SB3's one file per environment copy is merged in the order episodes ended, times from the earliest start")
    func vectorisedSB3Run() throws {
        let directory = FixtureRuns.sb3 + "/seed=2"
        let run = try RunRecord.read(directory: directory, monitorFiles: ["1.monitor.csv", "0.monitor.csv"])
        let files = try ["0.monitor.csv", "1.monitor.csv"].map { try MonitorFile.read(path: directory + "/" + $0) }
        #expect(run.episodes.count == files.reduce(0) { $0 + $1.episodes.count })
        #expect(zip(run.episodes, run.episodes.dropFirst()).allSatisfy { $0.time <= $1.time })
        #expect(run.properties["environment.name"] == "CartPole-v1" && !run.isConfigured)
        let origin = files.map(\.startTime).min()!
        #expect(run.episodes.last?.time == files.flatMap { file in file.episodes.map { $0.time + file.startTime - origin } }.max())
    }

    @Test("the default grouping keeps settings that tell runs apart and leaves out the seed and values that follow from them")
    func differing() {
        let runs = [
            Self.run(["algorithm": "dqn", "hyperparameters.lr": "0.001", "seed": "0"]),
            Self.run(["algorithm": "dqn", "hyperparameters.lr": "0.001", "seed": "1"]),
            Self.run(["algorithm": "vpg", "hyperparameters.pi-lr": "0.01", "hyperparameters.lr": "0.5", "seed": "0"]),
        ]
        let grouping = RunGrouping.differing(runs)
        #expect(grouping.keys == ["algorithm"], "vpg's own lr follows from the algorithm")
        #expect(runs.map(grouping.label) == ["dqn", "dqn", "vpg"])
        let swept = runs + [Self.run(["algorithm": "dqn", "hyperparameters.lr": "0.0003", "seed": "0"])]
        let sweptGrouping = RunGrouping.differing(swept)
        #expect(sweptGrouping.keys == ["algorithm", "hyperparameters.lr"])
        #expect(swept.map(sweptGrouping.label) == ["dqn lr=0.001", "dqn lr=0.001", "vpg lr=0.5", "dqn lr=0.0003"])
        let groups = sweptGrouping.groups(swept, window: 1)
        #expect(groups.map(\.label) == ["dqn lr=0.001", "vpg lr=0.5", "dqn lr=0.0003"] && groups.map(\.runCount) == [2, 1, 1])
    }

    @Test("runs without run.json are told apart by their folder; one group of identical settings is 'all runs'")
    func folders() {
        let sb3 = Self.run(["environment.name": "CartPole-v1", "dir": "logs/sb3"], configured: false)
        let rlterm = Self.run(["algorithm": "dqn", "environment.name": "cartpole", "dir": "runs/dqn"])
        let grouping = RunGrouping.differing([sb3, rlterm])
        #expect([sb3, rlterm].map(grouping.label) == ["CartPole-v1 dir=logs/sb3", "cartpole"])
        let sameEnvironment = Self.run(["environment.name": "cartpole", "dir": "logs/sb3"], configured: false)
        let named = RunGrouping.differing([sameEnvironment, rlterm])
        #expect([sameEnvironment, rlterm].map(named.label) == ["dir=logs/sb3", "dqn"], "rlterm's runs named by algorithm")
        #expect(RunGrouping.differing([rlterm, rlterm]).label(of: rlterm) == "all runs")
    }

    @Test("--group-by names resolve as full keys, aliases or unique last parts")
    func resolving() {
        let keys: Set = ["algorithm", "environment.name", "hyperparameters.lr", "hyperparameters.pi-lr", "options.double", "dir"]
        #expect(RunProperties.resolve("lr", among: keys) == "hyperparameters.lr")
        #expect(RunProperties.resolve("env", among: keys) == "environment.name")
        #expect(RunProperties.resolve("algo", among: keys) == "algorithm")
        #expect(RunProperties.resolve("options.double", among: keys) == "options.double")
        #expect(RunProperties.resolve("gamma", among: keys) == nil)
    }

    @Test("directories and glob patterns find every directory holding a Monitor file, and say what names nothing")
    func discovery() throws {
        let monitor = FixtureRuns.monitor([(1, 1, 0)])
        let root = try FixtureRuns.directory([
            "a/seed=0/monitor.csv": monitor, "a/seed=1/monitor.csv": monitor, "b/seed=0/0.monitor.csv": monitor,
            "b/seed=0/1.monitor.csv": monitor, "empty/notes.txt": "", "file.txt": "",
        ])
        let (runs, problems) = RunDiscovery.find([root + "/a", root + "/b/*", root + "/empty", root + "/file.txt", root + "/nothing*"])
        #expect(runs.map(\.directory) == [root + "/a/seed=0", root + "/a/seed=1", root + "/b/seed=0"])
        #expect(runs.last?.monitorFiles.sorted() == ["0.monitor.csv", "1.monitor.csv"])
        #expect(problems == [
            root + "/empty: no monitor.csv in it or below it",
            root + "/file.txt: not a directory (give the run's directory, which holds monitor.csv)",
            root + "/nothing*: no such directory",
        ])
    }
}
