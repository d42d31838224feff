import CMallocCounter
import Environments
import NeuralNet
import RLCore
import Testing
@testable import Agents

/// Off glibc (or under a sanitizer) the counter cannot interpose malloc, so the suite is skipped, saying why.
@Suite("Agents allocate nothing in steady state",
       .enabled(if: rlterm_malloc_counting_available(),
                "malloc counting needs glibc's allocator (Linux, no sanitizer); not checked here"))
struct AgentAllocationTests {
    /// The heap allocations made on this thread while `agent` acts, steps and observes (storing, sampling,
    /// updating) for `steps` steps after `warmUp` steps.
    static func allocations(of agent: any Agent, on environment: inout any Environment, warmUp: Int, steps: Int) -> Int {
        AgentTestSupport.drive(agent, on: &environment, steps: warmUp + steps) { step in
            if step == warmUp { rlterm_malloc_counter_start() }
        }
        return rlterm_malloc_counter_stop()
    }

    @Test("DQN's act, store, sample and update make no heap allocation, with uniform and prioritized replay",
          arguments: [AgentOptions(), AgentOptions(replay: .prioritized, double: true)])
    func dqn(options: AgentOptions) throws {
        var environment = AgentTestSupport.cartPole()
        let agent = try AgentTestSupport.agent(.dqn, for: environment, options: options, [.learningStarts: 100, .bufferSize: 1000, .hiddenSize: 16, .batchSize: 16])
        #expect(Self.allocations(of: agent, on: &environment, warmUp: 200, steps: 300) == 0)
    }

    @Test("DQN through the convolutional network on MinAtar, with packed replay, makes no heap allocation",
          arguments: [AgentOptions(), AgentOptions(replay: .prioritized, double: true)])
    func convolutionalDQN(options: AgentOptions) throws {
        var environment: any Environment = MinAtar<MinAtarBreakout>(seed: 7)
        var hyperparameters = Hyperparameters(defaultsFor: .dqn)
        for (key, value): (HyperparameterKey, Double) in [HyperparameterKey.learningStarts: 100, .bufferSize: 1000, .hiddenSize: 128, .hiddenLayers: 1,
                             .batchSize: 32] {
            try hyperparameters.set(key, to: value)
        }
        let agent = try DQNAgent(AgentConfiguration(
            observationCount: environment.observationCount, actionCount: 6, totalSteps: 10_000, seed: RunSeed(1),
            hyperparameters: hyperparameters, options: options,
            observationImage: ObservationImage(height: 10, width: 10, channels: 4)))
        #expect(agent.qFunction.network is ConvolutionalNetwork)
        #expect(Self.allocations(of: agent, on: &environment, warmUp: 200, steps: 300) == 0)
    }

    @Test("online actor-critic gathering N_env = 4 transitions per update makes no heap allocation")
    func onlineActorCritic() throws {
        var environment = AgentTestSupport.cartPole()
        let agent = try AgentTestSupport.agent(.onlineAC, for: environment, [.environments: 4])
        #expect(Self.allocations(of: agent, on: &environment, warmUp: 50, steps: 300) == 0)
    }

    @Test("online Q-iteration's step makes no heap allocation")
    func onlineQ() throws {
        var environment = AgentTestSupport.cartPole()
        let agent = try AgentTestSupport.agent(.onlineQ, for: environment)
        #expect(Self.allocations(of: agent, on: &environment, warmUp: 50, steps: 300) == 0)
    }
}
