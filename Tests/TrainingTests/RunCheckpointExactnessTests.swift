import Agents
import Foundation
import RLCore
import Testing
@testable import Training

/// A run interrupted at any step and resumed from its run checkpoint ends with the files of the run that never
/// stopped: `monitor.csv` rewards and lengths and `progress.csv` but its time columns, bit for bit. Each case
/// stops in the middle of an episode (and of a policy-gradient batch) and goes on in a fresh object graph built
/// from the directory alone, as `rlterm train --resume` does; a second way stops after a periodic checkpoint
/// without ending the run (the files hold rows past the checkpoint, as after a SIGKILL).
@Suite("A resumed run is the same run: every algorithm and option, bit for bit")
struct RunCheckpointExactnessTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let configuration: TrainingConfiguration
        /// The step the first segment stops at.
        let stop: Int

        var testDescription: String { name }
    }

    static func configuration(_ algorithm: Algorithm, _ settings: [HyperparameterKey: Double],
                              on environment: EnvironmentSpec = EnvironmentSpec(name: "cartpole"),
                              options: AgentOptions = AgentOptions(),
                              steps: Int = 1500, evaluationInterval: Int = 0) -> TrainingConfiguration {
        try! TrainingConfiguration(environment: environment, algorithm: algorithm, hyperparameters: settings,
                                   options: options, steps: steps, seed: 5, evaluationInterval: evaluationInterval,
                                   evaluationEpisodes: 2)
    }

    static let dqn: [HyperparameterKey: Double] = [.hiddenSize: 16, .learningStarts: 200, .batchSize: 16,
                                                    .bufferSize: 600, .targetPeriod: 50, .explorationFraction: 0.5]

    static let cases: [Case] = {
        var gymSeeded = EnvironmentSpec(name: "cartpole")
        gymSeeded.gymSeed = GymSeed(11)
        return [
            Case(name: "dqn", configuration: configuration(.dqn, dqn, evaluationInterval: 500), stop: 733),
            Case(name: "dqn --double --replay prioritized",
                 configuration: configuration(.dqn, dqn, options: AgentOptions(replay: .prioritized, double: true)), stop: 911),
            Case(name: "dqn --no-replay", configuration: configuration(.dqn, dqn, options: AgentOptions(noReplay: true)),
                 stop: 733),
            Case(name: "dqn --no-target", configuration: configuration(.dqn, dqn.merging([.learningRate: 2e-4]) { $1 }, options: AgentOptions(noTarget: true)),
                 stop: 733),
            Case(name: "dqn --her future on bitflip",
                 configuration: configuration(.dqn, [.hiddenSize: 16, .learningStarts: 100, .batchSize: 16, .bufferSize: 2000],
                                              on: EnvironmentSpec(name: "bitflip", bits: 6), options: AgentOptions(replay: .prioritized, hindsight: .future)),
                 stop: 803),
            Case(name: "dqn --gym-seed", configuration: configuration(.dqn, dqn, on: gymSeeded), stop: 733),
            Case(name: "fqi", configuration: configuration(.fqi, [.hiddenSize: 16, .collectSteps: 300, .gradientSteps: 5,
                                                                  .fittingIterations: 2, .bufferSize: 1000]), stop: 733),
            Case(name: "online-q", configuration: configuration(.onlineQ, [.hiddenSize: 16]), stop: 733),
            Case(name: "reinforce", configuration: configuration(.reinforce, [.hiddenSize: 16, .stepsPerEpoch: 300]),
                 stop: 733),
            Case(name: "vpg", configuration: configuration(.vpg, [.hiddenSize: 16, .stepsPerEpoch: 250, .valueIterations: 3]),
                 stop: 733),
            Case(name: "ac", configuration: configuration(.ac, [.stepsPerEpoch: 8]), stop: 733),
            Case(name: "online-ac --envs 3", configuration: configuration(.onlineAC, [.environments: 3]), stop: 734),
            Case(name: "dqn on acrobot", configuration: configuration(.dqn, dqn, on: EnvironmentSpec(name: "acrobot")),
                 stop: 733),
            Case(name: "vpg on mountaincar --gym-seed",
                 configuration: configuration(.vpg, [.hiddenSize: 16, .stepsPerEpoch: 250, .valueIterations: 3],
                                              on: EnvironmentSpec(name: "mountaincar", gymSeed: GymSeed(3))), stop: 733),
            Case(name: "dqn on the blind cliffwalk",
                 configuration: configuration(.dqn, dqn, on: EnvironmentSpec(name: "cliffwalk", states: 6)), stop: 733),
            Case(name: "dqn on a slippery map",
                 configuration: configuration(.dqn, dqn, on: EnvironmentSpec(name: "frozenlake4x4", slippery: true)), stop: 733),
        ] + ["minatar-breakout", "minatar-freeway", "minatar-space-invaders", "minatar-asterix", "minatar-seaquest"]
            .map { game in
            Case(name: "dqn on \(game)", configuration: configuration(.dqn, dqn, on: EnvironmentSpec(name: game)), stop: 733)
        } + [
            // The convolutional network with centered RMSProp and the packed memory under prioritized replay.
            Case(name: "dqn --double --replay prioritized on minatar-breakout",
                 configuration: configuration(.dqn, dqn.merging([.hiddenSize: 32, .hiddenLayers: 1]) { $1 },
                                              on: EnvironmentSpec(name: "minatar-breakout"),
                                              options: AgentOptions(replay: .prioritized, double: true)), stop: 733),
        ]
    }()

    /// `monitor.csv`'s rewards and lengths and `progress.csv` without its time columns.
    static func deterministicRows(_ directory: String) throws -> [String] {
        let monitor = try String(contentsOfFile: directory + "/monitor.csv", encoding: .utf8).split(separator: "\n")
        let progress = try String(contentsOfFile: directory + "/progress.csv", encoding: .utf8).split(separator: "\n")
        let timeColumns = [ProgressFormat.columns.firstIndex(of: "steps_per_second")!,
                           ProgressFormat.columns.firstIndex(of: "train_seconds")!]
        return monitor.dropFirst().map { $0.split(separator: ",").prefix(2).joined(separator: ",") }
            + progress.map { line in
                line.split(separator: ",", omittingEmptySubsequences: false).enumerated()
                    .filter { !timeColumns.contains($0.offset) }.map(\.element).joined(separator: ",")
            }
    }

    static func uninterrupted(_ configuration: TrainingConfiguration) throws -> [String] {
        let directory = RunLogTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try Trainer(configuration).run(log: try RunLog(directory: directory, configuration: configuration, startTime: 1e9),
                                           progressInterval: 100)
        return try deterministicRows(directory)
    }

    /// Continues the run in `directory` to its end from its newest run checkpoint, as `rlterm train --resume` does.
    static func resume(_ directory: String) throws {
        let point = try ResumePoint.read(directory: directory)
        #expect(point.state != nil)
        let trainer = try Trainer(resuming: point)
        _ = try trainer.run(log: try RunLog(resuming: point, configuration: trainer.configuration), progressInterval: 100)
    }

    /// The uninterrupted run's rows, and a trainer of the same configuration with a log in a new directory.
    static func start(_ testCase: Case) throws -> (expected: [String], directory: String, log: RunLog, trainer: Trainer) {
        let directory = RunLogTests.temporaryDirectory()
        return (try uninterrupted(testCase.configuration), directory,
                try RunLog(directory: directory, configuration: testCase.configuration, startTime: 1e9),
                try Trainer(testCase.configuration))
    }

    @Test("stopped mid-episode and resumed, the files equal the uninterrupted run's", arguments: cases)
    func stoppedAndResumed(_ testCase: Case) throws {
        let (expected, directory, log, first) = try Self.start(testCase)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try first.run(observers: Trainer.observers(log: log), progressInterval: 100) { first.timesteps >= testCase.stop }
        #expect(first.timesteps == testCase.stop)
        try Self.resume(directory)
        let resumed = try Self.deterministicRows(directory)
        #expect(resumed.count == expected.count)
        #expect(resumed == expected)
    }

    @Test("killed after a periodic checkpoint, the run goes on from it and its later rows are replaced",
          arguments: [cases[0], cases[1], cases[4], cases[9], cases[11]])
    func killedAfterCheckpoint(_ testCase: Case) throws {
        let (expected, directory, log, first) = try Self.start(testCase)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        first.checkpointInterval = 250
        first.begin(observers: Trainer.observers(log: log, keptCheckpoints: 2), progressInterval: 100)
        // No finish(): the process is gone, with rows written after its last checkpoint.
        while first.timesteps < testCase.stop { try first.advance() }
        #expect(RunCheckpoint.steps(in: directory) == [(testCase.stop / 250 - 1) * 250, testCase.stop / 250 * 250])
        try Self.resume(directory)
        #expect(try Self.deterministicRows(directory) == expected)
    }
}
