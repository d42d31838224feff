import Agents
import Foundation
import RLCore
import Testing
@testable import RLTermCLI
@testable import Training

/// A live session's segment and the `rlterm train` command it reports: the command's run has the segment's
/// episodes, row for row.
@Suite("segment reproduction")
struct SegmentReproductionTests {
    /// The `monitor.csv` rows of the run in `directory` without their time column: `return,length`.
    static func episodes(in directory: String) throws -> [String] {
        let text = try String(contentsOfFile: RunLog.path(directory, "monitor.csv"), encoding: .utf8)
        return text.split(separator: "\n").dropFirst(2).map { row in
            row.split(separator: ",").prefix(2).joined(separator: ",")
        }
    }

    /// Runs `command` (the words after `rlterm train`) as `rlterm train` would, writing into `directory`.
    static func runHeadless(_ command: String, into directory: String) throws {
        var words = command.split(separator: " ").map(String.init)
        #expect(Array(words.prefix(2)) == ["rlterm", "train"])
        words.removeFirst(2)
        let parsed = try TrainCommand.parse(words + ["--log-dir", directory])
        let configuration = try parsed.runOptions.configuration(
            evaluationInterval: parsed.evalEvery, evaluationEpisodes: parsed.evalEpisodes,
            stopWhenSolved: parsed.stopWhenSolved)
        let log = try RunLog(directory: directory, configuration: configuration, startTime: 0)
        _ = try Trainer(configuration).run(log: log)
    }

    static func temporaryDirectory(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("rlterm-\(name)-\(UUID().uuidString)").path
    }

    @Test("after a switch and a reset, each segment's episodes are those of its train command's monitor.csv")
    func switchedSegmentsReplayHeadless() throws {
        let sessionDirectory = Self.temporaryDirectory("session")
        defer { try? FileManager.default.removeItem(atPath: sessionDirectory) }
        let configuration = try TrainingConfiguration(
            environment: EnvironmentSpec(name: "frozenlake4x4"), algorithm: .dqn,
            hyperparameters: [.learningStarts: 100, .hiddenSize: 16], steps: 3_000, seed: 11)
        let log = try RunLog(directory: sessionDirectory, configuration: configuration, startTime: 0)
        let worker = try SessionWorker(configuration: configuration, log: log,
                                       settings: SessionSettings(returnCapacity: 100_000))
        for _ in 0..<700 { worker.stepOnce() }
        worker.apply(.switchAlgorithm(.onlineAC))
        let switched = worker.snapshot()
        #expect(switched.configuration.seed == 12)
        #expect(switched.message?.text.contains("seed 12; headless: rlterm train --env frozenlake4x4 --algo online-ac")
            == true)
        for _ in 0..<1_500 { worker.stepOnce() }
        worker.apply(.switchEnvironment(EnvironmentSpec(name: "maze")))
        for _ in 0..<2_500 { worker.stepOnce() }
        worker.apply(.reset)
        for _ in 0..<1_200 { worker.stepOnce() }
        let snapshot = worker.snapshot()
        #expect(snapshot.segments.map(\.seed) == [11, 12, 13, 14])
        #expect(snapshot.segments.map(\.cause) == [.start, .algorithm, .environment, .reset])

        let sessionEpisodes = try Self.episodes(in: sessionDirectory)
        for (index, segment) in snapshot.segments.enumerated() {
            let command = try #require(segment.trainCommand)
            let headlessDirectory = Self.temporaryDirectory("segment\(index)")
            defer { try? FileManager.default.removeItem(atPath: headlessDirectory) }
            try Self.runHeadless(command, into: headlessDirectory)
            let end = snapshot.segments.indices.contains(index + 1)
                ? snapshot.segments[index + 1].firstEpisode : sessionEpisodes.count
            let segmentEpisodes = Array(sessionEpisodes[segment.firstEpisode..<end])
            let headless = try Self.episodes(in: headlessDirectory)
            #expect(!segmentEpisodes.isEmpty, "segment \(index) (\(command)) finished no episode")
            #expect(Array(headless.prefix(segmentEpisodes.count)) == segmentEpisodes, "segment \(index): \(command)")
            #expect(segment.returns == segmentEpisodes.map { Double($0.split(separator: ",")[0])! })
        }
    }

    @Test("the command names every value that differs from the pair's preset, and the options, exactly")
    func commandNamesOverrides() throws {
        var configuration = try TrainingConfiguration(
            environment: EnvironmentSpec(name: "envs/my map.txt", slippery: true, timeLimit: 300), algorithm: .dqn,
            hyperparameters: [.gamma: 0.97, .learningRate: 0.000123], options: AgentOptions(double: true, noTarget: true),
            steps: 4_000, seed: 5)
        configuration.evaluationInterval = 500
        #expect(configuration.trainCommand(startingFrom: nil) == "rlterm train --env 'envs/my map.txt' --algo dqn "
            + "--steps 4000 --seed 5 --slippery --time-limit 300 --double --no-target --gamma 0.97 --lr 0.000123 "
            + "--eval-every 500 --eval-episodes 10")
        let preset = Preset(algorithm: .dqn, environment: "envs/my map.txt", values: [.gamma: 0.97], timeLimit: 300)
        #expect(configuration.trainCommand(startingFrom: preset) == "rlterm train --env 'envs/my map.txt' --algo dqn "
            + "--steps 4000 --seed 5 --slippery --double --no-target --lr 0.000123 --eval-every 500 --eval-episodes 10")
        let bits = TrainingConfiguration(environment: EnvironmentSpec(name: "bitflip", bits: 30), algorithm: .dqn,
                                         options: AgentOptions(hindsight: .future), steps: 10, seed: 0)
        #expect(bits.trainCommand(startingFrom: nil) == "rlterm train --env bitflip --algo dqn --steps 10 --seed 0 "
            + "--bits 30 --her future")
    }

    @Test("a gym seed is part of the command, written whole, and the command reads back to the same configuration")
    func commandNamesGymSeed() throws {
        let configuration = TrainingConfiguration(
            environment: EnvironmentSpec(name: "cartpole", gymSeed: GymSeed("18446744073709551621")), algorithm: .dqn,
            steps: 100, seed: 2)
        let command = configuration.trainCommand(startingFrom: nil)
        #expect(command == "rlterm train --env cartpole --algo dqn --steps 100 --seed 2 --gym-seed 18446744073709551621")
        let words = command.split(separator: " ").dropFirst(2).map(String.init)
        let parsed = try TrainCommand.parse(words).runOptions.configuration(presets: PresetLibrary(directory: "/nonexistent"))
        #expect(parsed.environment == configuration.environment)
    }

    @Test("the watch cycle (e) carries the gym seed to the environments that take one and drops it elsewhere")
    func cycleKeepsGymSeed() throws {
        let options = try RunOptions.parse(["--gym-seed", "4"])
        let cycle = WatchCommand.environmentCycle(starting: EnvironmentSpec(name: "cartpole", gymSeed: GymSeed(4)),
                                                  options: options)
        let seeds = Dictionary(uniqueKeysWithValues: cycle.map { ($0.name, $0.gymSeed) })
        #expect(seeds["cartpole"] == GymSeed(4) && seeds["cliffwalking"] == GymSeed(4))
        #expect(seeds["bitflip"] == .some(nil) && seeds["cliffwalk"] == .some(nil))
        #expect(cycle.allSatisfy { $0.problem == nil })
    }
}
