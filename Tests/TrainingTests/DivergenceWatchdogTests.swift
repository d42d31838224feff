import Agents
import Environments
import RLCore
import Testing
@testable import Training

/// The watchdog's rules on hand-made readings: no agent, no environment.
@Suite("Divergence watchdog")
struct DivergenceWatchdogTests {
    static func reading(q: Float = 1, y: Float = 1, loss: Float = 0.1, symbol: String = "Q") -> ValueFitReading {
        ValueFitReading(symbol: symbol, largestPrediction: q, largestTarget: y, loss: loss)
    }

    @Test("the value bound is 10·max|r|/(1−γ) for γ < 1, 10·max|r|·T at γ = 1 with a time limit, none without")
    func bounds() {
        let cartPole = DivergenceWatchdog(maximumAbsoluteReward: 1, timeLimit: 500)
        #expect(abs(cartPole.valueBound(gamma: 0.99)! - 1_000) < 1e-9)
        #expect(cartPole.valueBound(gamma: 1) == 5_000)
        let cliff = DivergenceWatchdog(maximumAbsoluteReward: 100, timeLimit: nil)
        #expect(abs(cliff.valueBound(gamma: 0.9)! - 10_000) < 1e-6)
        #expect(cliff.valueBound(gamma: 1) == nil)
        #expect(DivergenceWatchdog(maximumAbsoluteReward: nil, timeLimit: 100).valueBound(gamma: 0.5) == nil)
    }

    @Test("|Q| or |y| beyond the bound is reported with its value, the bound, its derivation and the remedies")
    func valueBeyondBound() throws {
        var watchdog = DivergenceWatchdog(maximumAbsoluteReward: 1, timeLimit: 500)
        let within = watchdog.check(Self.reading(q: 999, y: 999), gamma: 0.99)
        #expect(within == nil)
        let valueReport = watchdog.check(Self.reading(q: 1_500, y: 10), gamma: 0.99)
        let value = try #require(valueReport)
        #expect(value.quantity == .value(symbol: "Q") && value.observed == 1_500 && abs(value.limit - 1_000) < 1e-9)
        #expect(value.description.hasPrefix("diverging: |Q| reached 1500, beyond 1000 = 10·max|r|/(1−γ)"))
        #expect(value.description.contains("max|r| = 1, γ = 0.99"))
        #expect(value.description.contains("r (reset)") && value.description.contains("lower α")
            && value.description.contains("larger K") && value.description.contains("Double DQN"))
        let targetReport = watchdog.check(Self.reading(q: 10, y: 3.2e10), gamma: 0.99)
        let target = try #require(targetReport)
        #expect(target.quantity == .target(symbol: "Q"))
        #expect(target.description.hasPrefix("diverging: the TD target |y| reached 3.2e+10"))
        // γ is read at every check: at γ = 0.9 the same |Q| = 999 is beyond 10·1/0.1 = 100.
        let lowerGamma = watchdog.check(Self.reading(q: 999, y: 999), gamma: 0.9)
        #expect(lowerGamma?.quantity == .value(symbol: "Q"))
    }

    @Test("a state-value function's report names V and its own learning rate")
    func stateValue() throws {
        var watchdog = DivergenceWatchdog(maximumAbsoluteReward: 1, timeLimit: 500)
        let checked = watchdog.check(Self.reading(q: 2_000, symbol: "V"), gamma: 0.99)
        let report = try #require(checked)
        #expect(report.description.contains("|V| reached 2000") && report.description.contains("α_V")
            && !report.description.contains("Double DQN"))
    }

    @Test("at γ = 1 without a time limit no value is too large, but a loss grown 10⁶-fold still is")
    func lossGrowth() throws {
        var watchdog = DivergenceWatchdog(maximumAbsoluteReward: 1, timeLimit: nil)
        var reports = (0..<200).compactMap { _ in watchdog.check(Self.reading(q: 1e30, y: 1e30, loss: 0.01), gamma: 1) }
        // One batch a million times worse is smoothed away (the average moves by 1% of it)…
        reports += [watchdog.check(Self.reading(loss: 1e4), gamma: 1)].compactMap(\.self)
        #expect(reports.isEmpty)
        for _ in 0..<300 { _ = watchdog.check(Self.reading(loss: 0.01), gamma: 1) }
        // …a loss that stays there is not: the average passes 10⁶ × 0.01 after about 11 fits.
        var fits = 0
        var report: DivergenceReport?
        while report == nil, fits < 100 {
            report = watchdog.check(Self.reading(loss: 1e5), gamma: 1)
            fits += 1
        }
        let grown = try #require(report)
        #expect(fits > 5 && fits < 20)
        #expect(grown.quantity == .loss(symbol: "Q") && abs(grown.limit - 1e4) < 1)
        #expect(grown.description.contains("the loss (smoothed) reached") && grown.description.contains("10⁶ ×"))
    }

    @Test("the loss's minimum is floored at (10⁻³·S)², S = max|r|/(1−γ) (max|r|·T at γ = 1): a converged loss may grow back")
    func lossFloor() {
        var watchdog = DivergenceWatchdog(maximumAbsoluteReward: 100, timeLimit: nil)
        for _ in 0..<500 { _ = watchdog.check(Self.reading(loss: 1e-9), gamma: 0.99) }
        // S = 100/0.01 = 10⁴, so the floor is (10⁻³·10⁴)² = 100 and the limit 10⁸: 10⁷ passes, 10⁹ does not.
        let reports = (0..<1_000).compactMap { _ in watchdog.check(Self.reading(loss: 1e7), gamma: 0.99) }
        #expect(reports.isEmpty)
        let grown = (0..<1_000).lazy.compactMap { _ in watchdog.check(Self.reading(loss: 1e9), gamma: 0.99) }.first
        #expect(grown.map { abs($0.limit - 1e8) < 1 } == true)
    }

    @Test("a critic settled on a run of −1 rewards (Acrobot) is not stopped by the first surprise, a loss near S²")
    func surpriseAfterConvergence() {
        var watchdog = DivergenceWatchdog(maximumAbsoluteReward: 1, timeLimit: 500)
        for _ in 0..<3_000 { _ = watchdog.check(Self.reading(q: 100, y: 100, loss: 1e-8), gamma: 0.99) }
        // The first swing-up: V ≈ −100, target −1, ½·99² ≈ 4,900 on some fits; S = 100 puts the limit at 10⁴.
        let surprised = (0..<200).compactMap { fit in
            watchdog.check(Self.reading(q: 100, y: 100, loss: fit % 10 == 0 ? 4_900 : 50), gamma: 0.99)
        }
        #expect(surprised.isEmpty)
        // At γ = 1 with T = 500, S = 500: the same settled loss allows 500² = 2.5·10⁵.
        var undiscounted = DivergenceWatchdog(maximumAbsoluteReward: 1, timeLimit: 500)
        for _ in 0..<300 { _ = undiscounted.check(Self.reading(loss: 1e-8), gamma: 1) }
        let report = (0..<2_000).lazy.compactMap { _ in undiscounted.check(Self.reading(loss: 1e6), gamma: 1) }.first
        #expect(report.map { abs($0.limit - 2.5e5) < 1 } == true)
    }

    @Test("environments state their reward range and time limit; the watchdog reads them")
    func fromEnvironments() throws {
        func watchdog(_ spec: EnvironmentSpec) throws -> DivergenceWatchdog {
            DivergenceWatchdog(environment: try spec.make(generator: RunSeed(0).generator(for: "env")))
        }
        let cartPole = try watchdog(EnvironmentSpec(name: "cartpole"))
        #expect(cartPole.maximumAbsoluteReward == 1 && cartPole.timeLimit == 500)
        let cliffwalking = try watchdog(EnvironmentSpec(name: "cliffwalking"))
        #expect(cliffwalking.maximumAbsoluteReward == 100)
        let frozenLake = try watchdog(EnvironmentSpec(name: "frozenlake4x4"))
        #expect(frozenLake.maximumAbsoluteReward == 1 && frozenLake.timeLimit == 100)
        let bitFlip = try watchdog(EnvironmentSpec(name: "bitflip", bits: 6))
        #expect(bitFlip.maximumAbsoluteReward == 1 && bitFlip.timeLimit == 6)
        let chain = try watchdog(EnvironmentSpec(name: "cliffwalk", states: 5))
        #expect(chain.maximumAbsoluteReward == 1 && chain.timeLimit == nil)
    }
}
