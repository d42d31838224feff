import Agents
import CMallocCounter
import Environments
import RLCore
import Testing
@testable import Training

@Suite("Lockstep environments (online-ac --envs N)")
struct LockstepEnvironmentsTests {
    @Test("copy i draws from the stream (\"env\", i): copy 0 is the single-environment run's, the others start elsewhere")
    func separateStreams() throws {
        let seed = RunSeed(5)
        var environments = try LockstepEnvironments(EnvironmentSpec(name: "cartpole"), count: 3, seed: seed)
        let environment = environments.first
        let agent = try AlgorithmRegistry.make(AgentConfiguration(
            observationCount: environment.observationCount, actionCount: environment.actionCount, totalSteps: 10, seed: seed,
            hyperparameters: Hyperparameters(defaultsFor: .onlineAC)))
        environments.reset(for: agent)
        var single = CartPole(generator: seed.generator(for: "env"))
        single.reset()
        let starts = environments.copies.map { $0.observation() }
        #expect(starts[0] == single.observation())
        #expect(starts[0] != starts[1] && starts[1] != starts[2] && starts[0] != starts[2])
    }

    @Test("with a gym seed N, copy i starts where CartPole under gymnasium's generator seeded with N + i starts")
    func gymSeededCopies() throws {
        let seed = RunSeed(5)
        let spec = EnvironmentSpec(name: "cartpole", gymSeed: GymSeed(UInt64.max - 1))
        var environments = try LockstepEnvironments(spec, count: 3, seed: seed)
        let agent = try AlgorithmRegistry.make(AgentConfiguration(
            observationCount: 4, actionCount: 2, totalSteps: 10, seed: seed,
            hyperparameters: Hyperparameters(defaultsFor: .onlineAC)))
        environments.reset(for: agent)
        let seeds = ["18446744073709551614", "18446744073709551615", "18446744073709551616"]
        for (copy, text) in zip(environments.copies, seeds) {
            var reference = CartPole(random: .gymnasium(GymnasiumRandom(seed: GymSeed(text)!)))
            reference.reset()
            #expect(copy.observation() == reference.observation(), "gym seed \(text)")
        }
        var stream = CartPole(generator: seed.generator(for: "env"))
        stream.reset()
        #expect(environments.copies[0].observation() != stream.observation())
    }

    @Test("stepping four copies in turn makes no heap allocation in steady state, episode ends included",
          .enabled(if: rlterm_malloc_counting_available(),
                   "malloc counting needs glibc's allocator (Linux, no sanitizer); not checked here"),
          arguments: ["cartpole", "acrobot", "mountaincar"])
    func noAllocation(environment: String) throws {
        let seed = RunSeed(2)
        var environments = try LockstepEnvironments(EnvironmentSpec(name: environment), count: 4, seed: seed)
        var hyperparameters = Hyperparameters(defaultsFor: .onlineAC)
        try hyperparameters.set(.environments, to: 4)
        let first = environments.copies[0]
        let agent = try AlgorithmRegistry.make(AgentConfiguration(
            observationCount: first.observationCount, actionCount: first.actionCount, totalSteps: 1_000, seed: seed,
            hyperparameters: hyperparameters))
        environments.reset(for: agent)
        var episodes = 0
        for _ in 0..<200 { _ = environments.step(agent) }
        rlterm_malloc_counter_start()
        // MountainCar's episodes last 200 steps and Acrobot's up to 500, so they take more steps to end some.
        for _ in 0..<(environment == "cartpole" ? 400 : 4_000) {
            if environments.step(agent).finished != nil { episodes += 1 }
        }
        #expect(rlterm_malloc_counter_stop() == 0)
        #expect(episodes > 4)
    }

    @Test("with N = 4 the trainer steps the copies in turn and online-ac updates once per 4 transitions")
    func oneUpdatePerLockstepStep() throws {
        let configuration = try TrainingConfiguration(
            environment: EnvironmentSpec(name: "cartpole"), algorithm: .onlineAC, hyperparameters: [.environments: 4], steps: 2_000,
            seed: 1)
        let trainer = try Trainer(configuration)
        let summary = try trainer.run()
        let agent = try #require(trainer.agent as? OnlineActorCriticAgent)
        #expect(trainer.environments.copies.count == 4)
        #expect(summary.steps == 2_000 && agent.steps == 2_000 && agent.updates == 500)
    }

    @Test("online-ac with 4 lockstep environments learns cliffwalking's optimal path in 75,000 transitions",
          .enabled(if: isOptimizedBuild, "learning tests run in release builds"))
    func learnsCliffPath() throws {
        let configuration = try TrainingConfiguration(
            environment: EnvironmentSpec(name: "cliffwalking"), algorithm: .onlineAC, hyperparameters: [.environments: 4],
            steps: 75_000, seed: 0)
        let trainer = try Trainer(configuration)
        let summary = try trainer.run()
        #expect(summary.episodes.count > 100)
        var grid = try #require(try EnvironmentSpec(name: "cliffwalking").make(generator: RunSeed(0).generator(for: "env"))
            as? Gridworld)
        let optimal = OptimalPath(grid: grid, gamma: 0.99)
        grid.reset()
        var actions: [Int] = []
        while actions.count < 2 * optimal.actions.count {
            let action = grid.observation().withUnsafeBufferPointer { trainer.agent.actGreedily($0) }
            actions.append(action)
            if grid.step(action).isDone { break }
        }
        #expect(actions == optimal.actions)
    }
}
