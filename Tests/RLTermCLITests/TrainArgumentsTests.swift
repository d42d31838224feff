import Agents
import ArgumentParser
import Foundation
import Testing
import Training
@testable import RLTermCLI

/// `rlterm train`'s arguments, parsed from the words a shell would pass.
@Suite("train arguments")
struct TrainArgumentsTests {
    @Test("the run's flags become its configuration")
    func configuration() throws {
        let command = try TrainCommand.parse([
            "--env", "cartpole", "--algo", "dqn", "--steps", "5000", "--seed", "7", "--eval-every", "500",
            "--eval-episodes", "3", "--stop-when-solved", "--gamma", "0.95", "--set", "lr=0.0005",
        ])
        let configuration = try command.runOptions.configuration(
            evaluationInterval: command.evalEvery, evaluationEpisodes: command.evalEpisodes,
            stopWhenSolved: command.stopWhenSolved)
        #expect(configuration.environment.name == "cartpole" && configuration.algorithm == .dqn)
        #expect(configuration.steps == 5000 && configuration.seed == 7)
        #expect(configuration.evaluationInterval == 500 && configuration.evaluationEpisodes == 3)
        #expect(configuration.stopWhenSolved)
        #expect(command.settingsGiven == ["--env", "--algo", "--eval-every", "--eval-episodes", "--stop-when-solved",
                                          "--seed", "--set", "hyperparameter flags"])
    }

    @Test("a run starts from the pair's preset; flags override it; the configuration names both")
    func presetThenFlags() throws {
        let presets = PresetLibrary(directory: "/nonexistent")
        let plain = try TrainCommand.parse(["--env", "cliffwalking", "--algo", "dqn"])
        let preset = try plain.runOptions.configuration(presets: presets)
        #expect(preset.hyperparameters == (try Hyperparameters(.dqn, [
            .gamma: 0.9, .epsilonStart: 0.5, .epsilonEnd: 0.02, .explorationFraction: 0.5, .learningStarts: 500,
            .targetPeriod: 100,
        ])))
        #expect(preset.preset == "dqn/cliffwalking" && preset.overridden.isEmpty && preset.environment.timeLimit == nil)
        let edited = try TrainCommand.parse([
            "--env", "cliffwalking", "--algo", "dqn", "--steps", "100", "--gamma", "0.95", "--set", "eps-end=0.02",
            "--set", "lr=0.001", "--time-limit", "300",
        ])
        let overridden = try edited.runOptions.configuration(presets: presets)
        #expect(overridden.hyperparameters[.gamma] == 0.95 && overridden.hyperparameters[.learningRate] == 0.001)
        #expect(overridden.hyperparameters[.learningStarts] == 500 && overridden.environment.timeLimit == 300)
        // eps-end=0.02 is the preset's own value: nothing overridden.
        #expect(overridden.preset == "dqn/cliffwalking"
            && overridden.overridden == ["gamma", "lr", "steps", "time-limit"])
        let reinforce = try TrainCommand.parse(["--env", "cliffwalking", "--algo", "reinforce"])
            .runOptions.configuration(presets: presets)
        #expect(reinforce.environment.timeLimit == 100_000 && reinforce.options.psi == .rewardToGo)
        #expect(reinforce.overridden.isEmpty)
        let total = try TrainCommand.parse(["--env", "cliffwalking", "--algo", "reinforce", "--psi", "total"])
            .runOptions.configuration(presets: presets)
        #expect(total.options.psi == .total && total.overridden == ["psi"])
        let none = try TrainCommand.parse(["--env", "frozenlake8x8", "--algo", "dqn", "--steps", "100", "--gamma", "0.9"])
        let defaults = try none.runOptions.configuration(presets: presets)
        #expect(defaults.preset == nil && defaults.overridden == ["gamma"])
    }

    @Test("without --steps a run takes its preset's budget; --steps overrides it and says so")
    func presetBudget() throws {
        let presets = PresetLibrary(directory: "/nonexistent")
        let budget = try #require(try presets.preset(of: .dqn, on: "cartpole")?.steps)
        let plain = try TrainCommand.parse(["--env", "cartpole", "--algo", "dqn"]).runOptions.configuration(presets: presets)
        #expect(plain.steps == budget && plain.overridden.isEmpty)
        let given = try TrainCommand.parse(["--env", "cartpole", "--algo", "dqn", "--steps", String(budget + 1)])
            .runOptions.configuration(presets: presets)
        #expect(given.steps == budget + 1 && given.overridden == ["steps"])
    }

    @Test("run.json records the preset and what was overridden, and reads files written before presets")
    func runFileRoundTrip() throws {
        let command = try TrainCommand.parse([
            "--env", "cliffwalking", "--algo", "reinforce", "--pi-lr", "0.02",
        ])
        let configuration = try command.runOptions.configuration(presets: PresetLibrary(directory: "/nonexistent"))
        let data = try JSONEncoder().encode(configuration)
        #expect(try JSONDecoder().decode(TrainingConfiguration.self, from: data) == configuration)
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["preset"] as? String == "reinforce/cliffwalking" && object["overridden"] as? [String] == ["pi-lr"])
        object["preset"] = nil
        object["overridden"] = nil
        var environment = try #require(object["environment"] as? [String: Any])
        environment["timeLimit"] = nil
        object["environment"] = environment
        let old = try JSONDecoder().decode(TrainingConfiguration.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(old.preset == nil && old.overridden.isEmpty && old.environment.timeLimit == nil)
        #expect(old.hyperparameters == configuration.hyperparameters)
    }

    @Test("--gym-seed takes any non-negative integer, past 2⁶⁴ too, and run.json keeps it as decimal text")
    func gymSeed() throws {
        let command = try TrainCommand.parse([
            "--env", "frozenlake4x4", "--algo", "dqn", "--steps", "100", "--gym-seed", "18446744073709551616",
        ])
        #expect(command.settingsGiven.contains("--gym-seed"))
        let configuration = try command.runOptions.configuration(presets: PresetLibrary(directory: "/nonexistent"))
        #expect(configuration.environment.gymSeed?.words == [0, 0, 1])
        let data = try JSONEncoder().encode(configuration)
        #expect(try JSONDecoder().decode(TrainingConfiguration.self, from: data) == configuration)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let environment = try #require(object["environment"] as? [String: Any])
        #expect(environment["gymSeed"] as? String == "18446744073709551616")
        let plain = try TrainCommand.parse(["--env", "cartpole", "--algo", "dqn", "--steps", "100"])
        let plainData = try JSONEncoder().encode(try plain.runOptions.configuration())
        #expect(!String(decoding: plainData, as: UTF8.self).contains("gymSeed"))
    }

    @Test("a preset file with a mistake stops the run with its file:line:col and status 65")
    func badPresetFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rlterm-badpreset-\(UUID())")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("envs/presets"),
                                                withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "cartpole:\n  gamma: 2\n".write(to: directory.appendingPathComponent("envs/presets/dqn.txt"),
                                             atomically: true, encoding: .utf8)
        let command = try TrainCommand.parse(["--env", "cartpole", "--algo", "dqn", "--steps", "100"])
        let failure = try #require(throws: CommandFailure.self) {
            try command.runOptions.configuration(presets: PresetLibrary(directory: directory.path))
        }
        #expect(failure.status == .dataError)
        #expect(failure.message == "envs/presets/dqn.txt:2:10: bad value '2' for gamma: expected a number in [0, 1]")
    }

    @Test("only --steps may come with --resume: anything else is a usage error (64) naming it")
    func resumeTakesOnlySteps() throws {
        let command = try TrainCommand.parse(["--resume", "run", "--steps", "2000", "--algo", "vpg", "--double"])
        #expect(command.settingsGiven == ["--algo", "--double"])
        let failure = try #require(throws: CommandFailure.self) { try command.run() }
        #expect(failure.status == .usage)
        #expect(failure.message.hasSuffix("not --algo, --double"))
    }

    @Test("a new run needs --env, --algo, and --steps unless its preset has a budget (64); no run directory: 66")
    func requiredSettings() throws {
        let incomplete = try TrainCommand.parse(["--env", "bitflip", "--algo", "dqn"])
        let failure = try #require(throws: CommandFailure.self) { try incomplete.run() }
        #expect(failure.status == .usage && failure.message.hasPrefix("--steps is required: dqn on bitflip has no preset"))
        let noAlgorithm = try TrainCommand.parse(["--env", "cartpole"])
        #expect(try #require(throws: CommandFailure.self) { try noAlgorithm.run() }.status == .usage)
        let missing = try TrainCommand.parse(["--resume", "/nonexistent/rlterm-run"])
        #expect(try #require(throws: CommandFailure.self) { try missing.run() }.status == .noInput)
    }

    @Test("values out of range and unknown choices are usage errors (64)")
    func badValues() throws {
        for arguments in [
            ["--env", "cartpole", "--algo", "dqn", "--steps", "100", "--replay", "sorted"],
            ["--env", "cartpole", "--algo", "dqn", "--steps", "100", "--gamma", "2"],
            ["--env", "cartpole", "--algo", "nope", "--steps", "100"],
            ["--env", "cartpole", "--algo", "dqn", "--steps", "0"],
            ["--env", "cartpole", "--algo", "dqn", "--steps", "100", "--gym-seed", "1.5"],
            ["--env", "bitflip", "--algo", "dqn", "--steps", "100", "--gym-seed", "3"],
        ] {
            let command = try TrainCommand.parse(arguments)
            #expect(try #require(throws: CommandFailure.self) { try command.run() }.status == .usage, "\(arguments)")
        }
    }

    @Test("words the parser cannot read exit with 64, as ArgumentParser reports usage errors")
    func unparsable() {
        for arguments in [["--steps", "many"], ["--eval-every"]] {
            let error = #expect(throws: (any Error).self) { try TrainCommand.parse(arguments) }
            #expect(error.map { TrainCommand.exitCode(for: $0) } == ExitCode(64), "\(arguments)")
        }
    }
}
