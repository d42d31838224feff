import Environments
import RLCore
import Testing
@testable import Agents

@Suite("Policy-gradient validation and non-finite values")
struct PolicyGradientValidationTests {
    @Test("a Ψ an algorithm does not implement is refused, naming the allowed ones")
    func unsupportedPsi() {
        let environment = AgentTestSupport.cartPole()
        #expect(throws: AlgorithmError.unsupportedPsi(algorithm: "reinforce", psi: .q, supported: [.total, .rewardToGo, .baseline])) {
            try AgentTestSupport.agent(.reinforce, for: environment, options: AgentOptions(psi: .q))
        }
        let message = AlgorithmError.unsupportedPsi(algorithm: "reinforce", psi: .q, supported: Algorithm.reinforce.psiChoices).description
        #expect(message == "reinforce does not take --psi q (allowed: total|reward-to-go|baseline)")
        #expect(throws: AlgorithmError.self) { try AgentTestSupport.agent(.onlineAC, for: environment, options: AgentOptions(psi: .advantage)) }
        #expect(throws: AlgorithmError.self) { try AgentTestSupport.agent(.dqn, for: environment, options: AgentOptions(psi: .total)) }
        for psi in Psi.allCases {
            #expect((try? AgentTestSupport.agent(.vpg, for: environment, options: AgentOptions(psi: psi))) != nil)
        }
    }

    @Test("λ outside [0, 1] and batch sizes below 1 are refused with the valid range")
    func ranges() {
        var vpg = Hyperparameters(defaultsFor: .vpg)
        #expect(throws: HyperparameterError.outOfRange(key: .lambda, value: 1.5)) { try vpg.set(.lambda, to: 1.5) }
        #expect(HyperparameterError.outOfRange(key: .lambda, value: -0.1).description == "λ (lambda) must be a number in [0, 1], got -0.1")
        #expect(throws: HyperparameterError.outOfRange(key: .stepsPerEpoch, value: 0)) { try vpg.set(.stepsPerEpoch, to: 0) }
        #expect(HyperparameterError.outOfRange(key: .stepsPerEpoch, value: -5).description
            == "T (steps-per-epoch) must be a whole number in [1, 10000000], got -5")
        var reinforce = Hyperparameters(defaultsFor: .reinforce)
        #expect(throws: HyperparameterError.notUsed(key: .lambda, algorithm: "reinforce")) { try reinforce.set(.lambda, to: 0.9) }
    }

    @Test("a non-finite policy loss is refused before it reaches θ, and the agent reports why")
    func nonFiniteLoss() throws {
        let environment = AgentTestSupport.cartPole()
        let agent = try #require(try AgentTestSupport.agent(.vpg, for: environment, [.stepsPerEpoch: 2]) as? VPGAgent)
        let before = AgentTestSupport.parameters(of: agent.policy.network)
        let observation: [Float] = [0, 0, 0, 0]
        for reward in [Double.infinity, 1] {
            observation.withUnsafeBufferPointer { s in
                agent.observe(observation: s, action: 0, outcome: StepOutcome(reward: reward, terminated: false, truncated: false),
                              nextObservation: s, environment: environment)
            }
        }
        #expect(agent.failure?.contains("not finite") == true)
        #expect(AgentTestSupport.parameters(of: agent.policy.network) == before)
        #expect(agent.policy.gradientSteps == 0)
    }

    @Test("a policy whose logits are NaN is reported instead of sampled")
    func nonFiniteLogits() throws {
        let environment = AgentTestSupport.cartPole()
        let agent = try #require(try AgentTestSupport.agent(.reinforce, for: environment) as? ReinforceAgent)
        #expect(agent.failure == nil)
        agent.policy.network.setBias(.nan, layer: agent.policy.network.layerCount - 1, output: 0)
        let action = [Float](repeating: 0, count: 4).withUnsafeBufferPointer { agent.act($0) }
        #expect(action == 0)
        #expect(agent.failure?.contains("non-finite logits") == true)
    }

    @Test("online actor-critic refuses a NaN reward in its critic and stops learning")
    func onlineNaN() throws {
        var environment: any Environment = try EnvironmentRegistry.make("cliffwalking", generator: RunSeed(0).generator(for: "env"))
        let agent = try AgentTestSupport.agent(.onlineAC, for: environment)
        environment.reset()
        let observation = environment.observation()
        observation.withUnsafeBufferPointer { s in
            agent.observe(observation: s, action: 0, outcome: StepOutcome(reward: .nan, terminated: false, truncated: false),
                          nextObservation: s, environment: environment)
        }
        #expect(agent.failure != nil)
        #expect(agent.stateValue(for: observation)?.isFinite == true)
    }
}

@Suite("Policy-gradient live hyperparameters")
struct PolicyGradientLiveTests {
    @Test("γ and λ edited between batches are used by the next batch; the network shape only by a new agent")
    func liveEdits() throws {
        let environment = AgentTestSupport.cartPole()
        let agent = try #require(try AgentTestSupport.agent(.vpg, for: environment, [.stepsPerEpoch: 3]) as? VPGAgent)
        let observation: [Float] = [0.01, 0.02, 0.03, 0.04]
        func step() {
            observation.withUnsafeBufferPointer { s in
                agent.observe(observation: s, action: 1, outcome: StepOutcome(reward: 1, terminated: false, truncated: false),
                              nextObservation: s, environment: environment)
            }
        }
        for _ in 0..<3 { step() }
        #expect(agent.lastAdvantage?.gamma == 0.99 && agent.lastAdvantage?.lambda == 0.97)
        try agent.setHyperparameter(.gamma, to: 0.5)
        try agent.setHyperparameter(.lambda, to: 0)
        try agent.setHyperparameter(.policyLearningRate, to: 0.25)
        #expect(agent.policy.optimizer.learningRate == 0.25)
        step()
        #expect(agent.lastAdvantage?.gamma == 0.99)
        for _ in 0..<2 { step() }
        #expect(agent.lastAdvantage?.gamma == 0.5 && agent.lastAdvantage?.lambda == 0)
        #expect(agent.epochs == 2)
        #expect(throws: HyperparameterError.requiresRestart(key: .hiddenSize)) { try agent.setHyperparameter(.hiddenSize, to: 8) }
    }
}
