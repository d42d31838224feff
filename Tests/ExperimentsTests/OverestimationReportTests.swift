import Agents
import Testing
@testable import Experiments

@Suite("Overestimation report")
struct OverestimationReportTests {
    typealias Outcome = CartPoleOverestimationExperiment.Outcome
    typealias Comparison = CartPoleOverestimationExperiment.Comparison

    static let row = EstimatorBiasExperiment.Row(
        actions: 100, single: .init(value: 2.5, standardError: 0.01), double: .init(value: -0.02, standardError: 0.03),
        exactSingle: 2.5075)

    static func outcome(double: Bool, seed: UInt64, maxQ: Double, stoppedAt: Int? = nil) -> Outcome {
        Outcome(double: double, seed: seed, probeStates: Comparison(meanMaxQ: maxQ, meanReturn: 40),
                policyStates: Comparison(meanMaxQ: maxQ + 10, meanReturn: 60), episodeReturn: 200,
                stoppedAt: stoppedAt)
    }

    @Test("the table gives mean ± s.e., the published value, each seed and the mean, and marks a stopped run")
    func table() {
        let report = OverestimationReport(
            estimatorRows: [Self.row], estimatorSettings: .init(),
            cartPoleOutcomes: [Self.outcome(double: false, seed: 0, maxQ: 100),
                               Self.outcome(double: false, seed: 1, maxQ: 140, stoppedAt: 4000),
                               Self.outcome(double: true, seed: 0, maxQ: 70)],
            cartPoleSettings: .init())
        let lines = report.table.split(separator: "\n").map(String.init)
        let rows = lines.map { $0.split(separator: " ").map(String.init) }
        #expect(lines.contains("      100  2.5000 ± 0.0100        2.5075     2.5076  -0.0200 ± 0.0300"))
        #expect(rows.contains(["DQN", "1*", "140.00", "40.00", "+100.00", "150.00", "60.00", "+90.00", "200.0"]))
        // DQN's mean: max Q (100 + 140)/2 = 120 against G 40; own states 130 against 60.
        #expect(rows.contains(["DQN", "mean", "120.00", "40.00", "+80.00", "130.00", "60.00", "+70.00", "200.0"]))
        #expect(rows.contains(["Double", "DQN", "mean", "70.00", "40.00", "+30.00", "80.00", "60.00", "+20.00",
                               "200.0"]))
        #expect(lines.last!.hasPrefix("* training stopped early") && lines.last!.contains("DQN seed 1 at step 4000"))
    }

    @Test("the CSV has one value per line; a skipped CartPole part leaves only the estimator lines")
    func csv() {
        let report = OverestimationReport(
            estimatorRows: [Self.row], estimatorSettings: .init(),
            cartPoleOutcomes: [Self.outcome(double: true, seed: 3, maxQ: 90, stoppedAt: 12)], cartPoleSettings: .init())
        let lines = report.csv.split(separator: "\n").map(String.init)
        #expect(lines[0] == OverestimationReport.csvHeader)
        #expect(lines[1...5] == ["estimator,100,single,,mean,2.5", "estimator,100,single,,standard_error,0.01",
                                 "estimator,100,single,,exact,2.5075", "estimator,100,double,,mean,-0.02",
                                 "estimator,100,double,,standard_error,0.03"])
        let agent = "cartpole,2,double-dqn,3,"
        #expect(lines[6...] == [agent + "probe_mean_max_q,90.0", agent + "probe_mean_return,40.0",
                                agent + "own_mean_max_q,100.0", agent + "own_mean_return,60.0",
                                agent + "episode_return,200.0", agent + "stopped_at,12"])
        let skipped = OverestimationReport(estimatorRows: [Self.row], estimatorSettings: .init(), cartPoleOutcomes: [],
                                           cartPoleSettings: .init())
        #expect(skipped.csv.split(separator: "\n").count == 6)
        #expect(!skipped.table.contains("DQN"))
    }
}
