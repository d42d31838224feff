import CMallocCounter
import Environments
import RLCore
import Testing
@testable import Agents

@Suite("Agents allocate nothing in steady state")
struct AgentAllocationTests {
    /// Acts, steps, observes (store, sample, update) for `steps` steps with preallocated buffers and returns
    /// the heap allocations made on this thread meanwhile.
    static func allocations(of agent: any Agent, on environment: inout any Environment, warmUp: Int, steps: Int) -> Int {
        var observation = [Float](repeating: 0, count: environment.observationCount)
        var next = observation
        environment.reset()
        observation.withUnsafeMutableBufferPointer { environment.writeObservation(into: $0) }
        for step in 0..<(warmUp + steps) {
            if step == warmUp { rlterm_malloc_counter_start() }
            let action = observation.withUnsafeBufferPointer { agent.act($0) }
            let outcome = environment.step(action)
            next.withUnsafeMutableBufferPointer { environment.writeObservation(into: $0) }
            observation.withUnsafeBufferPointer { current in
                next.withUnsafeBufferPointer { following in
                    agent.observe(observation: current, action: action, outcome: outcome, nextObservation: following,
                                  environment: environment)
                }
            }
            if outcome.isDone {
                environment.reset()
                observation.withUnsafeMutableBufferPointer { environment.writeObservation(into: $0) }
            } else {
                swap(&observation, &next)
            }
        }
        return rlterm_malloc_counter_stop()
    }

    @Test("DQN's act, store, sample and update make no heap allocation, with uniform and prioritized replay",
          arguments: [AgentOptions(), AgentOptions(replay: .prioritized, double: true)])
    func dqn(options: AgentOptions) throws {
        try #require(rlterm_malloc_counting_available(), "malloc counting needs glibc")
        var environment = AgentTestSupport.cartPole()
        let agent = try AgentTestSupport.agent("dqn", for: environment, options: options, [.learningStarts: 100, .bufferSize: 1000, .hiddenSize: 16, .batchSize: 16])
        #expect(Self.allocations(of: agent, on: &environment, warmUp: 200, steps: 300) == 0)
    }

    @Test("online Q-iteration's step makes no heap allocation")
    func onlineQ() throws {
        try #require(rlterm_malloc_counting_available(), "malloc counting needs glibc")
        var environment = AgentTestSupport.cartPole()
        let agent = try AgentTestSupport.agent("online-q", for: environment)
        #expect(Self.allocations(of: agent, on: &environment, warmUp: 50, steps: 300) == 0)
    }
}
