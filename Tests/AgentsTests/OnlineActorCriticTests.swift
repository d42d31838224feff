import Environments
import RLCore
import Testing
@testable import Agents

@Suite("Online actor-critic with N_env parallel environments")
struct OnlineActorCriticTests {
    /// Four transitions of cliffwalking from different states: (s, a, r, s′, terminated).
    static let transitions: [(state: Int, action: Int, reward: Double, next: Int, terminated: Bool)] = [
        (36, 0, -1, 24, false), (24, 1, -1, 25, false), (25, 2, -100, 36, false), (46, 1, -1, 47, true),
    ]

    static func oneHot(_ state: Int) -> [Float] {
        var observation = [Float](repeating: 0, count: 48)
        observation[state] = 1
        return observation
    }

    @Test("N_env = 4 waits for four transitions, then makes one critic and one actor step over the four rows")
    func batchOfFour() throws {
        let environment = try EnvironmentRegistry.make("cliffwalking", generator: RunSeed(0).generator(for: "env"))
        let agent = try #require(try AgentTestSupport.agent(.onlineAC, for: environment, [.environments: 4]) as? OnlineActorCriticAgent)
        let reference = try #require(try AgentTestSupport.agent(.onlineAC, for: environment, [.environments: 4]) as? OnlineActorCriticAgent)
        let critic = try #require(reference.valueFunction)
        let gamma = reference.hyperparameters[.gamma]
        var observations: [Float] = [], targets: [Double] = [], advantages: [Double] = []
        for transition in Self.transitions {
            let s = Self.oneHot(transition.state), next = Self.oneHot(transition.next)
            let nextValue = transition.terminated ? 0 : Double(critic.value(for: next))
            observations += s
            targets.append(transition.reward + gamma * nextValue)
            advantages.append(targets.last! - Double(critic.value(for: s)))
        }
        critic.fit(observations: observations, targets: targets, iterations: 1)
        reference.policy.step(observations: observations, actions: Self.transitions.map(\.action), psi: advantages)

        let before = AgentTestSupport.parameters(of: agent.policy.network)
        for (index, transition) in Self.transitions.enumerated() {
            Self.oneHot(transition.state).withUnsafeBufferPointer { s in
                Self.oneHot(transition.next).withUnsafeBufferPointer { next in
                    agent.observe(observation: s, action: transition.action,
                                  outcome: StepOutcome(reward: transition.reward, terminated: transition.terminated, truncated: false),
                                  nextObservation: next, environment: environment)
                }
            }
            if index < 3 {
                #expect(agent.updates == 0 && agent.gradientSteps == 0)
                #expect(AgentTestSupport.parameters(of: agent.policy.network) == before)
            }
        }
        #expect(agent.updates == 1 && agent.steps == 4)
        #expect(agent.policy.gradientSteps == 1 && agent.valueFunction?.gradientSteps == 1)
        #expect(AgentTestSupport.parameters(of: agent.policy.network) == AgentTestSupport.parameters(of: reference.policy.network))
        #expect(AgentTestSupport.parameters(of: try #require(agent.valueFunction).network)
            == AgentTestSupport.parameters(of: critic.network))
    }

    @Test("N_env takes a whole number in [1, 64] and belongs to online-ac alone; a running agent cannot change it")
    func environmentsSetting() throws {
        var hyperparameters = Hyperparameters(defaultsFor: .onlineAC)
        #expect(hyperparameters.integer(.environments) == 1)
        #expect(throws: HyperparameterError.outOfRange(key: .environments, value: 0)) { try hyperparameters.set(.environments, to: 0) }
        #expect(throws: HyperparameterError.outOfRange(key: .environments, value: 65)) { try hyperparameters.set(.environments, to: 65) }
        #expect(HyperparameterError.outOfRange(key: .environments, value: 0).description
            == "N_env (envs) must be a whole number in [1, 64], got 0")
        var vpg = Hyperparameters(defaultsFor: .vpg)
        #expect(throws: HyperparameterError.notUsed(key: .environments, algorithm: "vpg")) { try vpg.set("envs", text: "4") }
        #expect(HyperparameterError.notUsed(key: .environments, algorithm: "vpg").description
            == "envs is not a hyperparameter of vpg (used by online-ac)")
        let environment = try EnvironmentRegistry.make("cliffwalking", generator: RunSeed(0).generator(for: "env"))
        let agent = try AgentTestSupport.agent(.onlineAC, for: environment)
        #expect(throws: HyperparameterError.requiresRestart(key: .environments)) { try agent.setHyperparameter(.environments, to: 2) }
    }
}
