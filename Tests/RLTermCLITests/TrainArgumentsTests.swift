import ArgumentParser
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

    @Test("only --steps may come with --resume: anything else is a usage error (64) naming it")
    func resumeTakesOnlySteps() throws {
        let command = try TrainCommand.parse(["--resume", "run", "--steps", "2000", "--algo", "vpg", "--double"])
        #expect(command.settingsGiven == ["--algo", "--double"])
        let failure = try #require(throws: CommandFailure.self) { try command.run() }
        #expect(failure.status == .usage)
        #expect(failure.message.hasSuffix("not --algo, --double"))
    }

    @Test("a new run needs --env, --algo and --steps (64); a missing run directory is 66")
    func requiredSettings() throws {
        let incomplete = try TrainCommand.parse(["--env", "cartpole", "--algo", "dqn"])
        #expect(try #require(throws: CommandFailure.self) { try incomplete.run() }.status == .usage)
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
