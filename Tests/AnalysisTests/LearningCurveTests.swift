import Analysis
import Testing
import Training

@Suite("A run's curve over environment steps and the groups' aggregated curves")
struct LearningCurveTests {
    static func episodes(_ rows: [(Double, Int, Double)]) -> [EpisodeRecord] {
        rows.map { EpisodeRecord(reward: $0.0, length: $0.1, time: $0.2) }
    }

    let curve = LearningCurve(episodes([(1, 10, 1), (2, 20, 2), (3, 30, 4)]), window: 2)

    @Test("each episode end carries the trailing mean of the last `window` returns at its cumulative step")
    func points() {
        #expect(curve.steps == [10, 30, 60])
        #expect(curve.values == [1, 1.5, 2.5])
        #expect(curve.seconds == [1, 2, 4])
    }

    @Test("between episode ends values are interpolated linearly; before the first and after the last there are none")
    func interpolation() {
        #expect(curve.value(at: 9.99) == nil)
        #expect(curve.value(at: 10) == 1)
        #expect(curve.value(at: 20) == 1.25)
        #expect(curve.value(at: 45) == 2)
        #expect(curve.value(at: 60) == 2.5)
        #expect(curve.value(at: 60.01) == nil, "nothing is carried past a run's end")
        #expect(curve.seconds(at: 45) == 3)
    }

    /// Three runs of one group; the third stops at step 40, as a killed run does.
    static let group = RunGroup(label: "g", directories: ["a", "b", "c"], strata: [[
        LearningCurve(episodes([(0, 10, 1), (10, 90, 2)]), window: 1),
        LearningCurve(episodes([(0, 10, 1), (20, 90, 3)]), window: 1),
        LearningCurve(episodes([(0, 10, 1), (30, 30, 2)]), window: 1),
    ]])

    @Test("with every run required, a shorter run ends the curve where it ends; the final point is at its end")
    func unequalLengthsAllRuns() {
        let aggregation = CurveAggregation(pointCount: 10, minimumRuns: nil, replicates: 200, seed: 0)
        let grid = aggregation.grid(for: [Self.group])
        #expect(grid == [10, 20, 30, 40, 50, 60, 70, 80, 90, 100])
        let result = aggregation.curve(of: Self.group, index: 0, grid: grid, threshold: nil)
        #expect(result.points.map(\.step) == [10, 20, 30, 40])
        #expect(result.points.allSatisfy { $0.runs == 3 })
        // At step 40: runs a and b are a third of the way to their second episode (10/3, 20/3), c is at 30.
        #expect(abs(result.points[3].iqm - (10.0 / 3 + 20.0 / 3 + 30) / 3) < 1e-12)
        #expect(result.final?.step == 40 && result.final?.runs == 3)
    }

    @Test("with fewer runs required the curve goes on, each point saying how many runs it averages")
    func unequalLengthsFewerRuns() {
        let aggregation = CurveAggregation(pointCount: 10, minimumRuns: 2, replicates: 200, seed: 0)
        let result = aggregation.curve(of: Self.group, index: 0, grid: aggregation.grid(for: [Self.group]), threshold: nil)
        #expect(result.points.map(\.runs) == [3, 3, 3, 3, 2, 2, 2, 2, 2, 2])
        #expect(result.points.last?.iqm == 15, "the two full runs end at 10 and 20")
        #expect(result.final?.step == 100 && result.final?.runs == 2)
    }

    @Test("the threshold is first reached at an episode end of one of the runs; its seconds are the runs' clocks there")
    func threshold() {
        let aggregation = CurveAggregation(pointCount: 10, minimumRuns: nil, replicates: 200, seed: 0)
        let crossing = aggregation.crossing(of: Self.group, threshold: 12)
        // At step 40 (run c's end) the IQM is 13.33; at step 10 it is 0.
        #expect(crossing?.step == 40)
        #expect(abs((crossing?.seconds ?? 0) - (1 + 1.0 / 3 + 1 + 2.0 / 3 + 2) / 3) < 1e-12)
        #expect(aggregation.crossing(of: Self.group, threshold: 31) == nil, "never reached while all runs last")
    }

    @Test("the bands follow from the seed: the same seed gives the same curve, another seed other bands")
    func seeded() {
        let grid: [Double] = [40]
        func band(_ seed: UInt64) -> ClosedRange<Double>? {
            CurveAggregation(pointCount: 1, minimumRuns: nil, replicates: 50, seed: seed)
                .curve(of: Self.group, index: 0, grid: grid, threshold: nil).points.first?.interval
        }
        #expect(band(1) == band(1))
        #expect((1...20).map { band($0) }.contains { $0 != band(1) })
    }
}
