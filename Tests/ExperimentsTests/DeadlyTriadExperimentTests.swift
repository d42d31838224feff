import Testing
@testable import Experiments

@Suite("Deadly triad on Baird's counterexample")
struct DeadlyTriadExperimentTests {
    typealias Experiment = DeadlyTriadExperiment
    static let w0 = BairdCounterexample.initialWeights

    @Test("the features give v̂ = 2·w_i + w₈ on states 1–6 and w₇ + 2·w₈ on state 7")
    func features() {
        #expect((0..<6).allSatisfy { BairdCounterexample.value(of: $0, weights: Self.w0) == 3 })
        #expect(BairdCounterexample.value(of: 6, weights: Self.w0) == 12)
        #expect(BairdCounterexample.features(of: 2) == SIMD8(0, 0, 2, 0, 0, 0, 0, 1))
        #expect(BairdCounterexample.features(of: 6) == SIMD8(0, 0, 0, 0, 0, 0, 1, 2))
    }

    @Test("one off-policy semi-gradient DP sweep from w₀ matches the hand computation")
    func offPolicySweep() {
        // By hand: v̂(1…6) = 3, v̂(7) = 12, every target is γ·v̂(7) = 11.88, so δ = 8.88 on states 1–6 and
        // −0.12 on state 7. With α/|S| = 0.01/7: Δw_i = (0.01/7)·2·8.88 = 0.1776/7 for i ≤ 6,
        // Δw₇ = (0.01/7)·(−0.12) = −0.0012/7, Δw₈ = (0.01/7)·(6·8.88 + 2·(−0.12)) = 0.5304/7.
        let w = Experiment.expectedSweep(Self.w0, target: Self.w0, alpha: 0.01, onPolicy: false)
        let expected = SIMD8<Double>(1 + 0.1776 / 7, 1 + 0.1776 / 7, 1 + 0.1776 / 7, 1 + 0.1776 / 7, 1 + 0.1776 / 7,
                                     1 + 0.1776 / 7, 10 - 0.0012 / 7, 1 + 0.5304 / 7)
        #expect(((w - expected) * (w - expected)).sum() < 1e-24, "\(w)")
        #expect(abs(w[0] - 1.0253714285714286) < 1e-12 && abs(w[7] - 1.0757714285714286) < 1e-12)
    }

    @Test("the on-policy sweep updates state 7 alone; held targets come from w⁻")
    func onPolicySweepAndTarget() {
        // δ(7) = 11.88 − 12 = −0.12; Δw = 0.01·(−0.12)·x(7) = (0, …, −0.0012, −0.0024).
        func close(_ a: SIMD8<Double>, _ b: SIMD8<Double>) -> Bool { ((a - b) * (a - b)).sum() < 1e-24 }
        let w = Experiment.expectedSweep(Self.w0, target: Self.w0, alpha: 0.01, onPolicy: true)
        #expect(close(w, SIMD8(1, 1, 1, 1, 1, 1, 10 - 0.0012, 1 - 0.0024)), "\(w)")
        // With w⁻ = 0 every target is 0: δ(7) = −12, Δw = 0.01·(−12)·x(7).
        let held = Experiment.expectedSweep(Self.w0, target: .zero, alpha: 0.01, onPolicy: true)
        #expect(close(held, SIMD8(1, 1, 1, 1, 1, 1, 10 - 0.12, 1 - 0.24)), "\(held)")
    }

    @Test("a TD step after solid is weighted by ρ = 7, after dashed by 0")
    func tdStep() {
        // State 1 → 7: δ = 0.99·12 − 3 = 8.88; Δw = 0.01·7·8.88·x(1) = 0.6216·(2, 0, …, 0, 1).
        let w = Experiment.tdStep(Self.w0, target: Self.w0, alpha: 0.01, ratio: 7, from: 0, to: 6)
        #expect(abs(w[0] - 2.2432) < 1e-12 && abs(w[7] - 1.6216) < 1e-12)
        #expect((1..<7).allSatisfy { w[$0] == Self.w0[$0] })
        #expect(Experiment.tdStep(Self.w0, target: Self.w0, alpha: 0.01, ratio: 0, from: 0, to: 3) == Self.w0)
    }

    @Test("checkpoints are the powers of ten below the run's length, and its last sweep")
    func checkpoints() {
        var settings = Experiment.Settings()
        #expect(settings.checkpoints == [1, 10, 100, 1000, 10_000, 100_000])
        settings.sweeps = 2500
        #expect(settings.checkpoints == [1, 10, 100, 1000, 2500])
    }

    @Test("off-policy TD and DP diverge; on-policy DP and TD and a target held 100 sweeps converge (seed 0)")
    func directions() {
        let w0Norm = DeadlyTriadReport.norm(Self.w0)
        func norm(_ variant: Experiment.Variant, after sweep: Int) -> Double {
            var settings = Experiment.Settings()
            settings.sweeps = 100_000
            return DeadlyTriadReport.norm(Experiment.run(variant, settings: settings).weights(after: sweep)!)
        }
        for update in [Experiment.Update.offPolicyTD, .offPolicyDP] {
            #expect(norm(.init(update), after: 1000) > 30 * w0Norm)
            #expect(norm(.init(update), after: 10_000) > 1e9)
            #expect(norm(.init(update, targetPeriod: 10), after: 100_000) > 1e50)
        }
        var settings = Experiment.Settings()
        settings.sweeps = 100_000
        let onPolicyDP = Experiment.run(.init(.onPolicyDP), settings: settings).checkpoints.last!.weights
        #expect(abs(BairdCounterexample.value(of: 6, weights: onPolicyDP)) < 1e-9)
        #expect(onPolicyDP[0] == 1, "π never visits states 1–6, so their weights never move")
        for variant in [Experiment.Variant(.onPolicyTD), .init(.offPolicyTD, targetPeriod: 100),
                        .init(.offPolicyDP, targetPeriod: 100)] {
            let w = Experiment.run(variant, settings: settings).checkpoints.last!.weights
            #expect(BairdCounterexample.rootMeanSquareValue(weights: w) < 1e-5, "\(variant.name)")
            #expect(DeadlyTriadReport.norm(w) < w0Norm)
        }
    }

    @Test("the sampled variants follow the seed: the same seed gives the same weights, another seed others")
    func seeds() {
        var settings = Experiment.Settings()
        settings.sweeps = 500
        let first = Experiment.run(.init(.offPolicyTD), settings: settings).checkpoints.last!.weights
        #expect(Experiment.run(.init(.offPolicyTD), settings: settings).checkpoints.last!.weights == first)
        settings.seed = 1
        #expect(Experiment.run(.init(.offPolicyTD), settings: settings).checkpoints.last!.weights != first)
    }

    @Test("the report lists every variant in both blocks and writes one CSV line per checkpoint")
    func report() {
        var settings = Experiment.Settings()
        settings.sweeps = 1000
        let variants = [Experiment.Variant(.offPolicyDP), .init(.onPolicyDP, targetPeriod: 10)]
        let report = DeadlyTriadReport(trajectories: variants.map { Experiment.run($0, settings: settings) },
                                       settings: settings)
        let lines = report.table.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("  off-policy DP  ") }.count == 2)
        #expect(lines.filter { $0.hasPrefix("  on-policy DP, w⁻ held K = 10") }.count == 2)
        #expect(lines.contains { $0.hasPrefix("  variant") && $0.contains("1,000") && $0.hasSuffix("√VE   v̂(7)") })
        let csv = report.csv.split(separator: "\n")
        #expect(csv.count == 1 + 2 * 4)
        #expect(csv[0] == Substring(DeadlyTriadReport.csvHeader))
        // The first sweep's weights (see offPolicySweep), its norm and √VE, in full.
        let fields = csv[1].split(separator: ",")
        #expect(fields.prefix(4) == ["off-policy DP", "off-policy DP", "1", "1"])
        let numbers = fields.dropFirst(4).compactMap { Double($0) }
        let first = report.trajectories[0].checkpoints[0].weights
        #expect(numbers == (0..<8).map { first[$0] }
            + [DeadlyTriadReport.norm(first), BairdCounterexample.rootMeanSquareValue(weights: first)])
        #expect(abs(numbers[6] - (10 - 0.0012 / 7)) < 1e-12)
        #expect(csv[5].hasPrefix("\"on-policy DP, w⁻ held K = 10\",on-policy DP,10,1,"))
    }
}
