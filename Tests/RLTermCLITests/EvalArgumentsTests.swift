import ArgumentParser
import Testing
@testable import RLTermCLI

/// `rlterm eval`'s arguments, parsed from the words a shell would pass.
@Suite("eval arguments")
struct EvalArgumentsTests {
    @Test("--q-values takes an observation that starts with a negative number, spaced or after '='")
    func negativeObservation() throws {
        let spaced = try EvalCommand.parse(["--checkpoint", "run/model.safetensors", "--q-values", "-0.1,0.2,-3,4"])
        #expect(spaced.qValues == "-0.1,0.2,-3,4")
        let attached = try EvalCommand.parse(["--checkpoint", "run/model.safetensors", "--q-values=-0.1,0.2"])
        #expect(attached.qValues == "-0.1,0.2")
        let first = try EvalCommand.parse(["--q-values", "-1", "--checkpoint", "run/model.safetensors"])
        #expect(first.qValues == "-1" && first.checkpoint == "run/model.safetensors")
    }

    @Test("--gym-seed is read as decimal text, so seeds past 2⁶⁴ reach gymnasium's seeding whole")
    func gymSeed() throws {
        let command = try EvalCommand.parse(["--checkpoint", "run/model.safetensors", "--gym-seed", "36893488147419103232"])
        #expect(command.gymSeed == "36893488147419103232")
        #expect(try GymSeedArgument.parse(#require(command.gymSeed)).words == [0, 0, 2])
        #expect(throws: CommandFailure.self) { try GymSeedArgument.parse("-1") }
    }
}
