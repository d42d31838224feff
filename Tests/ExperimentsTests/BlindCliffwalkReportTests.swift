import Testing
@testable import Experiments

@Suite("Blind Cliffwalk report: table and CSV")
struct BlindCliffwalkReportTests {
    typealias Replay = BlindCliffwalkExperiment.Replay
    typealias Representation = BlindCliffwalkExperiment.Representation

    /// A report over n = 2 and 10 with two seeds per configuration, filled from `counts(n, replay,
    /// representation)`; the cap is 1,000 updates.
    func report(_ counts: (Int, Replay, Representation) -> [Int?]) -> BlindCliffwalkReport {
        var settings = BlindCliffwalkExperiment.Settings()
        settings.maxUpdates = 1_000
        var report = BlindCliffwalkReport(states: [2, 10], seedCount: 2, settings: settings)
        for n in [2, 10] {
            for representation in Representation.allCases {
                for replay in Replay.allCases {
                    for count in counts(n, replay, representation) {
                        report.record(count, states: n, replay: replay, representation: representation)
                    }
                }
            }
        }
        return report
    }

    /// Finished runs everywhere except n = 10 tabular uniform, where both seeds hit the cap, and n = 10
    /// linear greedy, where one does.
    var mixed: BlindCliffwalkReport {
        report { n, replay, representation in
            switch (n, replay, representation) {
            case (10, .uniform, .tabular): [nil, nil]
            case (10, .greedy, .linear): [40, nil]
            case (2, .uniform, _): [70, 75]
            case (2, _, _): [30, 31]
            case (10, .uniform, .linear): [900, 980]
            default: [20, 20]
            }
        }
    }

    @Test("the CSV has the documented header, one line per configuration, exact medians, empty where capped")
    func csv() {
        #expect(mixed.csv == """
            states,replay,representation,median_updates
            2,uniform,tabular,72.5
            2,greedy,tabular,30.5
            2,proportional,tabular,30.5
            2,uniform,linear,72.5
            2,greedy,linear,30.5
            2,proportional,linear,30.5
            10,uniform,tabular,
            10,greedy,tabular,20
            10,proportional,tabular,20
            10,uniform,linear,940
            10,greedy,linear,
            10,proportional,linear,20

            """)
    }

    @Test("the table rounds medians, marks capped ones >cap, bounds their ratios and lists every capped run")
    func table() {
        #expect(mixed.table == """
            Blind Cliffwalk: median updates until the MSE to Q* is below 0.001, over 2 seeds (0…1)
            priorities one per distinct transition, proportional α = 0.6; a run gives up after 1,000 updates (>cap)

            tabular
               n  transitions  uniform  greedy  proportional  uniform/greedy  uniform/proportional
               2            6       73      31            31            2.38                  2.38
              10        2,046     >cap      20            20           >50.0                 >50.0

            linear
               n  transitions  uniform  greedy  proportional  uniform/greedy  uniform/proportional
               2            6       73      31            31            2.38                  2.38
              10        2,046      940    >cap            20          <0.940                  47.0

            runs that hit the cap: n = 10 tabular uniform 2 of 2, n = 10 linear greedy 1 of 2
            """)
    }

    @Test("a ratio with both medians capped is unknown, and no cap line appears when every run finished")
    func unknownRatio() {
        let allCapped = report { _, _, _ in [nil, nil] }
        #expect(allCapped.table.contains("   2            6     >cap    >cap          >cap               ?                     ?"))
        let finished = report { _, _, _ in [5, 7] }
        #expect(!finished.table.contains("hit the cap"))
    }

    @Test("ratios keep three significant digits and large numbers group their thousands")
    func numbers() {
        let wide = report { _, replay, _ in replay == .uniform ? [1_000_000, 1_000_000] : [3, 3] }
        #expect(wide.table.contains("1,000,000"))
        #expect(wide.table.contains("333,333"))
        #expect(BlindCliffwalkReport.grouped(999) == "999")
        #expect(BlindCliffwalkReport.grouped(1_234_567) == "1,234,567")
        #expect(BlindCliffwalkReport.grouped(-12_345) == "-12,345")
    }

    @Test("the median of runs counts a capped run above every finished one and averages the middle two")
    func median() {
        #expect(BlindCliffwalkExperiment.median(of: [5, nil, 1]) == 5)
        #expect(BlindCliffwalkExperiment.median(of: [4, 1, 9, 6]) == 5)
        #expect(BlindCliffwalkExperiment.median(of: [4, nil]) == nil)
        #expect(BlindCliffwalkExperiment.median(of: [nil, 3, nil]) == nil)
    }
}
