import NeuralNet
import RLCore
import Testing
@testable import Agents

@Suite("Online Q-iteration's step")
struct OnlineQAgentTests {
    /// A linear Q (no hidden layer) on one input and two actions, Q(s,a) = w_a·s + b_a, with w = (0.5, 1),
    /// b = (0, 0.25), γ = 0.5 and α = 10⁻³.
    static func agent(adam: Bool) throws -> OnlineQAgent {
        let hyperparameters = try Hyperparameters(.onlineQ, [.hiddenLayers: 0, .gamma: 0.5, .learningRate: 1e-3])
        let agent = OnlineQAgent(AgentConfiguration(
            observationCount: 1, actionCount: 2, totalSteps: 10, seed: RunSeed(1), hyperparameters: hyperparameters,
            options: AgentOptions(adam: adam)))
        let network = agent.qFunction.network as! MLP
        network.setWeight(0.5, layer: 0, output: 0, input: 0)
        network.setWeight(1, layer: 0, output: 1, input: 0)
        network.setBias(0, layer: 0, output: 0)
        network.setBias(0.25, layer: 0, output: 1)
        return agent
    }

    /// Observes (s = 20, a = 1, r = 1, s′ = 1), not terminal.
    static func observeOneTransition(_ agent: OnlineQAgent) {
        let observation: [Float] = [20], next: [Float] = [1]
        observation.withUnsafeBufferPointer { s in
            next.withUnsafeBufferPointer { sNext in
                let outcome = StepOutcome(reward: 1, terminated: false, truncated: false)
                agent.observe(observation: s, action: 1, outcome: outcome, nextObservation: sNext,
                              environment: AgentTestSupport.cartPole())
            }
        }
    }

    @Test("the default is the notes' plain step φ ← φ − α·∇Q(s,a)·(Q(s,a) − y) on the one transition, not clipped")
    func plainStep() throws {
        let agent = try Self.agent(adam: false)
        Self.observeOneTransition(agent)
        // Q(s′,·) = (0.5, 1.25), y = 1 + 0.5·1.25 = 1.625; Q(s,1) = 20 + 0.25 = 20.25, Q − y = 18.625.
        // ∇w₁Q = s = 20, ∇b₁Q = 1 (gradient norm ≈ 373, far above ‖g‖max = 10, and not clipped):
        // w₁ = 1 − 10⁻³·20·18.625 = 0.6275, b₁ = 0.25 − 10⁻³·18.625 = 0.231375; action 0's row is untouched.
        let network = agent.qFunction.network as! MLP
        #expect(abs(network.weight(layer: 0, output: 1, input: 0) - 0.6275) < 1e-5)
        #expect(abs(network.bias(layer: 0, output: 1) - 0.231375) < 1e-5)
        #expect(network.weight(layer: 0, output: 0, input: 0) == 0.5 && network.bias(layer: 0, output: 0) == 0)
        #expect(abs(try #require(agent.lastUpdate).target - 1.625) < 1e-5)
        #expect(agent.optimizers.isEmpty, "a plain step keeps no optimizer state")
        let explanation = try #require(agent.lastUpdate).description
        #expect(explanation.hasSuffix("; φ ← φ − α·∇Q(s,a)·(Q(s,a) − y), α = 0.001: one plain step on this transition"))
    }

    @Test("--adam takes Adam's first step instead: each parameter with a gradient moves by α against its sign")
    func adamStep() throws {
        let agent = try Self.agent(adam: true)
        Self.observeOneTransition(agent)
        // Adam's first step is α·ĝ/(|ĝ| + ε) ≈ α whatever the (clipped) gradient's size.
        let network = agent.qFunction.network as! MLP
        #expect(abs(network.weight(layer: 0, output: 1, input: 0) - 0.999) < 1e-5)
        #expect(abs(network.bias(layer: 0, output: 1) - 0.249) < 1e-5)
        #expect(try #require(agent.optimizers["q"]).stepCount == 1)
    }

    @Test("‖g‖max is idle for online Q's plain step and acts with --adam; DQN always clips")
    func clippingRule() {
        let spec = HyperparameterSpec.spec(for: .maxGradientNorm)
        #expect(spec.usedWhen.idleReason(.onlineQ, AgentOptions()) != nil)
        #expect(spec.usedWhen.idleReason(.onlineQ, AgentOptions(adam: true)) == nil)
        #expect(spec.usedWhen.idleReason(.dqn, AgentOptions()) == nil)
    }
}
