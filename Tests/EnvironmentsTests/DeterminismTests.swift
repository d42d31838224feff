import RLCore
import Testing
@testable import Environments

/// Everything one random-action run of an environment produced, resets included.
private struct Trajectory: Equatable {
    var observations: [[Float]] = []
    var outcomes: [StepOutcome] = []
}

/// Runs `steps` uniformly random actions, resetting after each episode. The environment and the action
/// choices draw from separate streams of one run seed, as the training engine's will.
private func randomRun(_ name: String, seed: UInt64, steps: Int) throws -> Trajectory {
    let runSeed = RunSeed(seed)
    var env = try EnvironmentRegistry.make(name, options: EnvironmentOptions(bits: 6, states: 5), generator: runSeed.generator(for: "env"))
    var actions = runSeed.generator(for: "exploration")
    var trajectory = Trajectory()
    env.reset()
    trajectory.observations.append(env.observation())
    for _ in 0..<steps {
        let outcome = env.step(actions.uniformInt(below: env.actionCount))
        trajectory.outcomes.append(outcome)
        if outcome.isDone { env.reset() }
        trajectory.observations.append(env.observation())
    }
    return trajectory
}

@Suite("One seed, one run")
struct DeterminismTests {
    @Test("two runs with the same seed produce identical trajectories in every environment",
          arguments: EnvironmentRegistry.descriptors().map(\.name))
    func sameSeedSameTrajectory(name: String) throws {
        let first = try randomRun(name, seed: 2024, steps: 3_000)
        let second = try randomRun(name, seed: 2024, steps: 3_000)
        #expect(first == second)
    }

    @Test("a different seed produces a different trajectory", arguments: EnvironmentRegistry.descriptors().map(\.name))
    func differentSeedDifferentTrajectory(name: String) throws {
        #expect(try randomRun(name, seed: 1, steps: 3_000) != randomRun(name, seed: 2, steps: 3_000))
    }
}
