import Agents
import Testing
@testable import Experiments

@Suite("Ψ variance experiment")
struct PsiVarianceExperimentTests {
    @Test("the total return gives the noisiest gradient, the advantage-based choices the quietest, as the notes order them")
    func ordering() {
        var settings = PsiVarianceExperiment.Settings()
        settings.trainingSteps = 2000
        settings.batches = 30
        settings.episodesPerBatch = 2
        settings.seed = 1
        let rows = PsiVarianceExperiment.run(settings)
        #expect(rows.map(\.psi) == Psi.allCases)
        let variance = Dictionary(uniqueKeysWithValues: rows.map { ($0.psi, $0.variance) })
        #expect(rows.allSatisfy { $0.variance > 0 && $0.variance.isFinite })
        #expect(variance[.total]! > variance[.rewardToGo]!)
        #expect(variance[.rewardToGo]! > variance[.baseline]!)
        #expect(variance[.baseline]! > variance[.advantage]!)
        #expect(variance[.baseline]! > variance[.tdResidual]!)
        // No episode reaches the time limit this early, so the Q estimate is the reward-to-go.
        #expect(variance[.q]! == variance[.rewardToGo]!)
    }

    @Test("reading a gradient leaves the policy unchanged and agrees with the surrogate's slope")
    func gradientReader() throws {
        let environment = AgentTestSupport.cartPole()
        let agent = try #require(try AgentTestSupport.agent("vpg", for: environment) as? VPGAgent)
        let reader = GradientReader(policy: agent.policy)
        let before = AgentTestSupport.parameters(of: agent.policy.network)
        let observations: [Float] = [0.1, 0.2, -0.1, 0.3, -0.2, 0.1, 0.05, -0.3]
        let gradient = reader.gradient(observations: observations, actions: [0, 1], psi: [1, -2])
        #expect(AgentTestSupport.parameters(of: agent.policy.network) == before)
        #expect(gradient.count == agent.policy.network.parameterCount)
        // Doubling Ψ doubles the estimate.
        let doubled = reader.gradient(observations: observations, actions: [0, 1], psi: [2, -4])
        #expect(zip(gradient, doubled).allSatisfy { abs(2 * $0 - $1) < 1e-5 })
        #expect(gradient.contains { $0 != 0 })
    }
}
