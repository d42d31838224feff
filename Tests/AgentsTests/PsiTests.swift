import RLCore
import Testing
@testable import Agents

@Suite("Policy-gradient weights Ψ")
struct PsiTests {
    // The batch of AdvantageEstimationTests: steps 0–2 end terminated, 3–4 truncated (V(s_T) = 4), 5–6 are cut by the
    // end of the batch (V(s_T) = 8). γ = 0.5, λ = 0.5.
    let rewards: [Double] = [1, 2, 3, 1, 1, 2, 0]
    let values: [Double] = [1, 2, 0.5, 1, 2, 1, 2]
    let terminated = [false, false, true, false, false, false, false]
    let truncated = [false, false, false, false, true, false, false]
    let bootstrap: [Double] = [4, 8]

    func weights(_ psi: Psi) -> [Double] {
        psi.weights(rewards: rewards, terminated: terminated, truncated: truncated, values: values, bootstrapValues: bootstrap,
                    gamma: 0.5, lambda: 0.5)
    }

    func close(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) < 1e-12 }
    }

    @Test("total: every step of a path gets the path's discounted return from its first step, bootstrapped at cuts")
    func total() {
        // 1 + 0.5·2 + 0.25·3 = 2.75 (terminated); 1 + 0.5·1 + 0.25·4 = 2.5 (truncated, V(s_T) = 4);
        // 2 + 0.5·0 + 0.25·8 = 4 (cut by the batch, V(s_T) = 8).
        #expect(close(weights(.total), [2.75, 2.75, 2.75, 2.5, 2.5, 4, 4]))
    }

    @Test("reward-to-go: the rewards from t on, plus γ^(T−t)·V(s_T) where a path is truncated or cut")
    func rewardToGo() {
        // Step 3: 1 + 0.5·1 + 0.25·4; step 4: 1 + 0.5·4; step 5: 2 + 0.5·0 + 0.25·8; step 6: 0 + 0.5·8.
        #expect(close(weights(.rewardToGo), [2.75, 3.5, 3, 2.5, 3, 4, 4]))
    }

    @Test("baseline: the bootstrapped reward-to-go minus V(s_t)")
    func baseline() {
        #expect(close(weights(.baseline), [1.75, 1.5, 2.5, 1.5, 1, 3, 2]))
    }

    @Test("without a value function (REINFORCE) total, reward-to-go and baseline end every path with 0")
    func unbootstrapped() {
        func weights(_ psi: Psi) -> [Double] {
            psi.weights(rewards: rewards, terminated: terminated, truncated: truncated, values: values, bootstrapValues: nil,
                        gamma: 0.5, lambda: 0.5)
        }
        // Path 2: 1 + 0.5·1 = 1.5; path 3: 2 + 0.5·0 = 2.
        #expect(close(weights(.total), [2.75, 2.75, 2.75, 1.5, 1.5, 2, 2]))
        #expect(close(weights(.rewardToGo), [2.75, 3.5, 3, 1.5, 1, 2, 0]))
        #expect(close(weights(.baseline), [1.75, 1.5, 2.5, 0.5, -1, 1, -2]))
    }

    @Test("q: the discounted return bootstrapped from V(s_T) after truncations and cuts, 0 after termination")
    func q() {
        // Path 2: 1 + 0.5·(1 + 0.5·4) = 2.5; path 3: 2 + 0.5·(0 + 0.5·8) = 4: the bootstrapped reward-to-go.
        #expect(close(weights(.q), [2.75, 3.5, 3, 2.5, 3, 4, 4]))
    }

    @Test("td-residual: r + γV(s′) − V(s) with s′ terminal giving 0 and truncated or cut s′ giving V(s_T)")
    func tdResidual() {
        // δ2 = 3 + 0 − 0.5; δ4 = 1 + 0.5·4 − 2; δ6 = 0 + 0.5·8 − 2.
        #expect(close(weights(.tdResidual), [1, 0.25, 2.5, 1, 1, 2, 2]))
    }

    @Test("advantage: GAE sums (γλ)^l δ within each path")
    func advantage() {
        // γλ = 0.25. Path 1: Â2 = 2.5, Â1 = 0.25 + 0.25·2.5, Â0 = 1 + 0.25·0.875. Path 2: 1, 1 + 0.25·1. Path 3: 2, 2 + 0.25·2.
        #expect(close(weights(.advantage), [1.21875, 0.875, 2.5, 1.25, 1, 2.5, 2]))
    }

    @Test("VPG's reward-to-go on an epoch cut mid-episode adds γ³·V(s₃) to three CartPole rewards of 1; REINFORCE adds nothing",
          arguments: [Algorithm.vpg, .reinforce])
    func agentBootstrapsCutEpoch(_ algorithm: Algorithm) throws {
        var environment = AgentTestSupport.cartPole()
        let agent = try AgentTestSupport.agent(algorithm, for: environment, options: AgentOptions(psi: .rewardToGo),
                                               [.gamma: 0.9, .stepsPerEpoch: 3])
        // VPG cuts its batch after 3 steps; REINFORCE waits for the episode's end (CartPole lasts ≥ 8 steps).
        AgentTestSupport.drive(agent, on: &environment, steps: algorithm == .vpg ? 3 : 600)
        let explanation = try #require(agent.lastAdvantage)
        if algorithm == .vpg {
            let value = try #require(explanation.bootstrap)
            #expect(abs(explanation.weight - (1 + 0.9 + 0.81 + 0.729 * value)) < 1e-9)
        } else {
            #expect(explanation.bootstrap == nil)
            let sum = explanation.terms.reversed().reduce(0) { $1 + 0.9 * $0 }
            #expect(abs(explanation.weight - sum) < 1e-9)
        }
    }

    @Test("only baseline, q, advantage and td-residual read V")
    func needsValues() {
        #expect(Psi.allCases.filter(\.needsValues) == [.baseline, .q, .advantage, .tdResidual])
    }

    @Test("normalisation centres and scales to unit standard deviation; a constant batch is only centred")
    func normalisation() {
        #expect(close(AdvantageEstimation.normalized([1, 3]), [-1, 1]))
        #expect(close(AdvantageEstimation.normalized([2, 2, 2]), [0, 0, 0]))
    }

    @Test("the explanation writes δ and the GAE sum out with their numbers")
    func explanation() {
        let explanation = AdvantageExplanation(
            psi: .advantage, rewards: [1, 1], terminated: [false, false], truncated: [false, true], values: [12, 12.3],
            bootstrapValues: [12.1], gamma: 0.99, lambda: 0.95, weight: 1.177 + 0.99 * 0.95 * 0.679)
        // δ0 = 1 + 0.99·12.3 − 12 = 1.177; δ1 = 1 + 0.99·12.1 − 12.3 = 0.679.
        #expect(explanation.terms.count == 2)
        #expect(abs(explanation.terms[1] - 0.679) < 1e-9)
        #expect(explanation.description
            == "δ_t = r + γ·V(s′) − V(s) = 1.00 + 0.99·12.30 − 12.00 = 1.18; Â_t = Σ (γλ)^l δ_t+l = 1.18 + 0.94·(0.68) = 1.82")
        let terminal = AdvantageExplanation(
            psi: .tdResidual, rewards: [1], terminated: [true], truncated: [false], values: [0.5], bootstrapValues: [],
            gamma: 0.9, lambda: 0, weight: 0.5)
        #expect(terminal.description == "δ_t = r + γ·V(s′) − V(s) = 1.00 + 0.90·0.00 − 0.50 = 0.50; Ψ_t = δ_t")
    }

    @Test("the explanation of a return-based Ψ writes the bootstrapped tail of a cut path, or says it is not bootstrapped")
    func explanationOfCutPaths() {
        // A path of two rewards cut by the batch, V(s_T) = 10, γ = 0.5: 1 + 0.5·2 + 0.25·10 = 4.5.
        let cut = AdvantageExplanation(
            psi: .rewardToGo, rewards: [1, 2], terminated: [false, false], truncated: [false, false], values: [],
            bootstrapValues: [10], gamma: 0.5, lambda: 0, weight: 4.5)
        #expect(cut.description == "Ψ_t = Σ γ^l r_t+l + γ^(T−t)·V(s_T) = 1.00 + 0.50·(2.00) + 0.50^2·(10.00) = 4.50")
        let baseline = AdvantageExplanation(
            psi: .baseline, rewards: [1, 2], terminated: [false, false], truncated: [false, false], values: [3, 1],
            bootstrapValues: [10], gamma: 0.5, lambda: 0, weight: 1.5)
        #expect(baseline.description
            == "Ψ_t = Σ γ^l r_t+l + γ^(T−t)·V(s_T) − V(s) = 1.00 + 0.50·(2.00) + 0.50^2·(10.00) − 3.00 = 4.50 − 3.00 = 1.50")
        let reinforce = AdvantageExplanation(
            psi: .total, rewards: [1, 2], terminated: [false, false], truncated: [false, true], values: [],
            bootstrapValues: nil, gamma: 0.5, lambda: 0, weight: 2)
        #expect(reinforce.description
            == "Ψ_t = R(τ) = Σ γ^t r_t = 1.00 + 0.50·(2.00) (cut: not bootstrapped) = 2.00 (the same for every step of the path)")
        let ended = AdvantageExplanation(
            psi: .q, rewards: [1, 2], terminated: [false, true], truncated: [false, false], values: [3, 1],
            bootstrapValues: [], gamma: 0.5, lambda: 0, weight: 2)
        #expect(ended.description == "Ψ_t = Q̂(s,a) = Σ γ^l r_t+l = 1.00 + 0.50·(2.00) = 2.00")
    }
}
