import NeuralNet
import RLCore
import Testing
@testable import Agents

@Suite("Q-learning targets")
struct QFunctionTests {
    static func qFunction(separateTarget: Bool = true, batchSize: Int = 2) -> QFunction {
        var generator = Xoshiro256StarStar(seed: 11)
        return QFunction(observationCount: 3, actionCount: 3, hiddenSize: 8, hiddenLayers: 1, learningRate: 1e-3,
                         loss: .huber, separateTarget: separateTarget, batchSize: batchSize, generator: &generator)
    }

    /// Two rows that share s′: row 0 ends in a terminal state, row 1 is cut by a time limit.
    static func batch() -> TransitionColumns {
        var columns = TransitionColumns(rows: 2, observationCount: 3)
        let s: [Float] = [0.1, -0.2, 0.3], next: [Float] = [0.5, 0.4, -0.6]
        s.withUnsafeBufferPointer { observation in
            next.withUnsafeBufferPointer { following in
                columns.write(row: 0, observation: observation, action: 2, reward: -1, nextObservation: following,
                              terminated: true, truncated: false)
                columns.write(row: 1, observation: observation, action: 0, reward: 0.5, nextObservation: following,
                              terminated: false, truncated: true)
            }
        }
        return columns
    }

    @Test("y = r through a terminal s′; y = r + γ·max Q(s′,a′;θ⁻) through a truncated one")
    func terminalVersusTruncated() throws {
        let q = Self.qFunction()
        let target = try #require(q.target as? MLP)
        // Make θ⁻ differ from θ, so bootstrapping from the wrong network would show.
        target.setBias(target.bias(layer: 1, output: 1) + 3, layer: 1, output: 1)
        let batch = Self.batch()
        q.computeTargets(batch, gamma: 0.9, double: false)
        let next = Array(batch.nextObservations[0..<3])
        let targetValues = Array(next.withUnsafeBufferPointer { target.forward($0, batch: 1) }.row(0))
        #expect(q.targets[0] == -1)
        #expect(abs(q.targets[1] - (0.5 + 0.9 * targetValues.max()!)) < 1e-6)
        #expect(q.lastExplanation?.terminated == true)
        #expect(q.lastExplanation?.description.hasPrefix("y = r = −1.00 (s′ terminal: no bootstrap)") == true)
    }

    @Test("Double DQN evaluates θ's argmax with θ⁻; plain DQN takes θ⁻'s own maximum")
    func doubleTarget() throws {
        let q = Self.qFunction()
        let target = try #require(q.target as? MLP)
        // θ prefers action 1 at every state, θ⁻ prefers action 0.
        try #require(q.network as? MLP).setBias(100, layer: 1, output: 1)
        target.setBias(100, layer: 1, output: 0)
        let batch = Self.batch()
        let next = Array(batch.nextObservations[0..<3])
        let targetValues = Array(next.withUnsafeBufferPointer { target.forward($0, batch: 1) }.row(0))
        q.computeTargets(batch, gamma: 0.9, double: true)
        #expect(abs(q.targets[1] - (0.5 + 0.9 * targetValues[1])) < 1e-5)
        q.computeTargets(batch, gamma: 0.9, double: false)
        #expect(abs(q.targets[1] - (0.5 + 0.9 * targetValues[0])) < 1e-5)
        #expect(targetValues[0] > targetValues[1] + 50)
    }

    @Test("without a target network the targets bootstrap from θ itself")
    func noTarget() {
        let q = Self.qFunction(separateTarget: false)
        let batch = Self.batch()
        let next = Array(batch.nextObservations[0..<3])
        let values = q.values(for: next)
        q.computeTargets(batch, gamma: 0.5, double: false)
        #expect(abs(q.targets[1] - (0.5 + 0.5 * values.max()!)) < 1e-6)
    }

    @Test("fit records δ = y − Q(s,a;θ) and the explanation writes out the update's numbers")
    func explanation() throws {
        let q = Self.qFunction()
        let batch = Self.batch()
        let before = q.values(for: Array(batch.observations[0..<3]))
        q.computeTargets(batch, gamma: 0.9, double: false)
        q.fit(batch, weights: [1, 1], maxGradientNorm: 10)
        #expect(abs(q.tdErrors[0] - (-1 - before[2])) < 1e-6)
        #expect(abs(q.tdErrors[1] - (q.targets[1] - before[0])) < 1e-6)
        let explanation = try #require(q.lastExplanation)
        #expect(explanation.prediction == before[2])
        let text = UpdateExplanation(reward: -1, gamma: 0.99, nextValue: -3.2, terminated: false, truncated: false, double: false,
                                     separateTarget: true, action: 1, target: -4.168, prediction: -3.9).description
        #expect(text == "y = r + γ·max Q(s′,a′;θ⁻) = −1.00 + 0.990·(−3.20) = −4.17; Q(s,a=1;θ) = −3.90, δ = y − Q = −0.27")
    }

    @Test("FQI's explanation says how the argmin is approximated (G minibatch steps, I iterations), D accumulating")
    func fittedQIterationStep() throws {
        var environment = AgentTestSupport.cartPole()
        let agent = try AgentTestSupport.agent(.fqi, for: environment, [
            .collectSteps: 30, .fittingIterations: 2, .gradientSteps: 3, .batchSize: 4, .hiddenSize: 8,
        ])
        AgentTestSupport.drive(agent, on: &environment, steps: 65)
        #expect(agent.gradientSteps == 2 * 2 * 3)
        let lines = try #require(agent.lastUpdate).description.components(separatedBy: "; ")
        #expect(lines.dropFirst(2) == [
            "φ ← argmin_φ ½Σᵢ‖Q_φ(sᵢ,aᵢ) − yᵢ‖² ≈ G = 3 Adam steps (α = 0.001) on minibatches of B = 4 from D",
            "y recomputed I = 2 times per round",
            "D accumulates: 65 transitions, 30 more per round, up to N = 50000",
        ])
    }
}
