import RLCore
import Testing
@testable import Agents

@Suite("Advantage estimation")
struct AdvantageEstimationTests {
    // Three paths in one batch: steps 0–2 terminated, steps 3–4 truncated (V(s_T) = 4), steps 5–6 cut by the
    // end of the epoch (V(s_T) = 8).
    let rewards: [Double] = [1, 2, 3, 1, 1, 2, 0]
    let values: [Double] = [1, 2, 0.5, 1, 2, 1, 2]
    let terminated = [false, false, true, false, false, false, false]
    let truncated = [false, false, false, false, true, false, false]
    let bootstrap: [Double] = [4, 8]

    func close(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) < 1e-12 }
    }

    @Test("discounted returns: 0 after a terminal step, V(s_T) after a truncated step or an epoch cut")
    func returns() {
        // γ = 0.5. Path 1: G2 = 3, G1 = 2 + 1.5, G0 = 1 + 1.75. Path 2: G4 = 1 + 0.5·4, G3 = 1 + 1.5.
        // Path 3: G6 = 0 + 0.5·8, G5 = 2 + 2.
        let returns = AdvantageEstimation.discountedReturns(rewards: rewards, terminated: terminated, truncated: truncated,
                                                            bootstrapValues: bootstrap, gamma: 0.5)
        #expect(close(returns, [2.75, 3.5, 3, 2.5, 3, 4, 4]))
    }

    @Test("reward-to-go sums the rewards after each step within its path; total return repeats the path's sum")
    func rewardToGoAndTotal() {
        #expect(AdvantageEstimation.rewardToGo(rewards: rewards, terminated: terminated, truncated: truncated) == [6, 5, 3, 2, 1, 2, 0])
        #expect(AdvantageEstimation.totalReturns(rewards: rewards, terminated: terminated, truncated: truncated) == [6, 6, 6, 2, 2, 2, 2])
        // Discounted with γ = 0.5: path 1 from its start is 1 + 1 + 0.75.
        #expect(close(AdvantageEstimation.totalReturns(rewards: rewards, terminated: terminated, truncated: truncated, gamma: 0.5),
                      [2.75, 2.75, 2.75, 1.5, 1.5, 2, 2]))
    }

    @Test("TD residuals and GAE(γ = 0.5, λ = 0.5) match the hand-worked values")
    func handWorkedGAE() {
        let residuals = AdvantageEstimation.tdResiduals(rewards: rewards, values: values, terminated: terminated,
                                                        truncated: truncated, bootstrapValues: bootstrap, gamma: 0.5)
        // δ0 = 1 + 0.5·2 − 1, δ2 = 3 − 0.5 (terminal), δ4 = 1 + 0.5·4 − 2 (truncated), δ6 = 0 + 0.5·8 − 2 (cut).
        #expect(close(residuals, [1, 0.25, 2.5, 1, 1, 2, 2]))
        let advantages = AdvantageEstimation.generalizedAdvantages(rewards: rewards, values: values, terminated: terminated,
                                                                   truncated: truncated, bootstrapValues: bootstrap,
                                                                   gamma: 0.5, lambda: 0.5)
        // γλ = 0.25: Â1 = 0.25 + 0.25·2.5, Â0 = 1 + 0.25·0.875, Â3 = 1 + 0.25·1, Â5 = 2 + 0.25·2.
        #expect(close(advantages, [1.21875, 0.875, 2.5, 1.25, 1, 2.5, 2]))
    }

    @Test("terminated and truncated endings differ exactly by the bootstrapped γ^(T−t)·V(s_T)")
    func terminalVersusTruncated() {
        let ended = AdvantageEstimation.discountedReturns(rewards: [1, 1], terminated: [false, true], truncated: [false, false],
                                                          bootstrapValues: [], gamma: 0.9)
        let cut = AdvantageEstimation.discountedReturns(rewards: [1, 1], terminated: [false, false], truncated: [false, true],
                                                        bootstrapValues: [10], gamma: 0.9)
        #expect(close(ended, [1.9, 1]))
        #expect(close(zip(cut, ended).map { $0 - $1 }, [0.81 * 10, 0.9 * 10]))
        let both = AdvantageEstimation.discountedReturns(rewards: [1, 1], terminated: [false, true], truncated: [false, true],
                                                         bootstrapValues: [], gamma: 0.9)
        #expect(both == ended)
    }

    @Test("on random batches λ = 0 equals the TD residual and λ = 1 equals the discounted return minus V")
    func limits() {
        var generator = RunSeed(13).generator(for: "batches")
        for _ in 0..<50 {
            let count = 1 + generator.uniformInt(below: 40)
            let rewards = (0..<count).map { _ in generator.normal() }
            let values = (0..<count).map { _ in generator.normal() }
            let terminated = (0..<count).map { _ in generator.bernoulli(0.1) }
            let truncated = (0..<count).map { _ in generator.bernoulli(0.1) }
            let unterminatedEnds = (0..<count).filter { !terminated[$0] && (truncated[$0] || $0 == count - 1) }.count
            let bootstrap = (0..<unterminatedEnds).map { _ in generator.normal() }
            let gamma = generator.uniform(0.5, 1)
            func gae(_ lambda: Double) -> [Double] {
                AdvantageEstimation.generalizedAdvantages(rewards: rewards, values: values, terminated: terminated, truncated: truncated,
                                                          bootstrapValues: bootstrap, gamma: gamma, lambda: lambda)
            }
            let residuals = AdvantageEstimation.tdResiduals(rewards: rewards, values: values, terminated: terminated,
                                                            truncated: truncated, bootstrapValues: bootstrap, gamma: gamma)
            let returns = AdvantageEstimation.discountedReturns(rewards: rewards, terminated: terminated, truncated: truncated,
                                                                bootstrapValues: bootstrap, gamma: gamma)
            #expect(gae(0) == residuals)
            #expect(zip(gae(1), zip(returns, values).map { $0 - $1 }).allSatisfy { abs($0 - $1) < 1e-9 })
        }
    }
}
