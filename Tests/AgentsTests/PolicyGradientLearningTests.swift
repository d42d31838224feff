import Environments
import RLCore
import Testing
@testable import Agents

@Suite("Policy-gradient learning (fixed seeds, small budgets)")
struct PolicyGradientLearningTests {
    /// The actions of `agent`'s greedy policy from the start of cliffwalking, and the states they visit, until
    /// the goal or 50 steps.
    func greedyPath(_ agent: any Agent) throws -> (states: [Int], actions: [Int], return: Double) {
        var grid = try #require(try EnvironmentRegistry.make("cliffwalking", generator: RunSeed(9).generator(for: "env")) as? Gridworld)
        grid.reset()
        var states = [grid.position], actions: [Int] = [], total = 0.0
        while actions.count < 50 {
            let action = grid.observation().withUnsafeBufferPointer { agent.actGreedily($0) }
            let outcome = grid.step(action)
            actions.append(action)
            states.append(grid.position)
            total += outcome.reward
            if outcome.isDone { break }
        }
        return (states, actions, total)
    }

    /// Trains `algorithm` on cliffwalking and checks that its greedy policy walks value iteration's path.
    func learnsCliffPath(_ algorithm: Algorithm, options: AgentOptions = AgentOptions(), steps: Int) throws {
        var environment: any Environment = try EnvironmentRegistry.make("cliffwalking", generator: RunSeed(0).generator(for: "env"))
        let agent = try AgentTestSupport.agent(algorithm, for: environment, steps: steps, options: options, seed: 0)
        AgentTestSupport.drive(agent, on: &environment, steps: steps)
        let grid = try #require(environment as? Gridworld)
        let solution = ValueIteration(model: grid.model, gamma: 0.99)
        let path = try greedyPath(agent)
        #expect(path.return == -13)
        #expect(path.actions == zip(path.states, path.actions).map { state, _ in solution.policy[state]! })
    }

    @Test("online actor-critic's greedy policy walks cliffwalking's optimal path after 50,000 steps")
    func onlineActorCriticCliff() throws {
        try learnsCliffPath(.onlineAC, steps: 50_000)
    }

    @Test("batch actor-critic with its default critic (sampled reward sums) walks cliffwalking's optimal path after 75,000 steps")
    func batchActorCriticSampledSumsCliff() throws {
        try learnsCliffPath(.ac, steps: 75_000)
    }

    @Test("batch actor-critic with bootstrapped critic targets walks cliffwalking's optimal path after 75,000 steps")
    func batchActorCriticCliff() throws {
        try learnsCliffPath(.ac, options: AgentOptions(bootstrapCritic: true), steps: 75_000)
    }

    @Test("reinforce with reward-to-go lengthens CartPole episodes from about 20 steps to over 100 in 120,000 steps")
    func reinforceCartPole() throws {
        var environment = AgentTestSupport.cartPole(seed: 2)
        let agent = try AgentTestSupport.agent(.reinforce, for: environment, options: AgentOptions(psi: .rewardToGo), seed: 2)
        let lengths = AgentTestSupport.drive(agent, on: &environment, steps: 120_000)
        let first = lengths.prefix(20), last = lengths.suffix(20)
        #expect(Double(first.reduce(0, +)) / 20 < 40)
        #expect(Double(last.reduce(0, +)) / 20 > 100)
    }
}
