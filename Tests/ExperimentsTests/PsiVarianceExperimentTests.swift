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
        let agent = try ExperimentTestSupport.cartPoleVPG()
        let reader = GradientReader(policy: agent.policy)
        let before = GradientReader.parameters(of: agent.policy.network)
        let observations: [Float] = [0.1, 0.2, -0.1, 0.3, -0.2, 0.1, 0.05, -0.3]
        let gradient = reader.gradient(observations: observations, actions: [0, 1], psi: [1, -2])
        #expect(GradientReader.parameters(of: agent.policy.network) == before)
        #expect(gradient.count == agent.policy.network.parameterCount)
        // Doubling Ψ doubles the estimate.
        let doubled = reader.gradient(observations: observations, actions: [0, 1], psi: [2, -4])
        #expect(zip(gradient, doubled).allSatisfy { abs(2 * $0 - $1) < 1e-5 })
        #expect(gradient.contains { $0 != 0 })
    }

    @Test("the report's table lists Ψ from the highest variance down; its CSV keeps Psi.allCases order")
    func report() {
        let rows = Psi.allCases.enumerated().map { index, psi in
            PsiVarianceExperiment.Row(psi: psi, variance: Double(index + 1), meanGradientNorm: 0.5)
        }
        let report = PsiVarianceReport(rows: rows)
        let table = report.table.split(separator: "\n").map(String.init)
        #expect(table.count == 1 + Psi.allCases.count)
        #expect(table[0] == "Ψ                 variance    ‖mean g‖  formula")
        #expect(table[1] == "td-residual              6         0.5  " + Psi.tdResidual.formula)
        #expect(table.last == "total                    1         0.5  " + Psi.total.formula)
        #expect(report.csv == "psi,variance\n" + Psi.allCases.enumerated().map { "\($1.rawValue),\(Double($0 + 1))" }.joined(separator: "\n") + "\n")
    }
}
