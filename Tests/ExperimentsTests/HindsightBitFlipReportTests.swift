import Agents
import Testing
@testable import Experiments

@Suite("HER bit-flipping report: table and CSV")
struct HindsightBitFlipReportTests {
    /// A report over n = 5 and 40 with two seeds per configuration.
    var report: HindsightBitFlipReport {
        var settings = HindsightBitFlipExperiment.Settings()
        settings.fixedEpochs = 3
        var report = HindsightBitFlipReport(bits: [40, 5], seedCount: 2, settings: settings)
        let rates: [Int: [AgentOptions.Hindsight: [Double]]] = [
            5: [.none: [1, 1], .final: [1, 1], .future: [1, 1]],
            40: [.none: [0, 0], .final: [0.25, 0.5], .future: [0.9, 0.95]],
        ]
        for (n, byStrategy) in rates {
            for (strategy, values) in byStrategy {
                for value in values { report.record(value, bits: n, strategy: strategy) }
            }
        }
        return report
    }

    @Test("the CSV has the header bits,her,success_rate and one line per (n, her) in list order with the mean over seeds")
    func csv() {
        #expect(report.csv == """
            bits,her,success_rate
            40,none,0.0
            40,final,0.375
            40,future,0.925
            5,none,1.0
            5,final,1.0
            5,future,1.0

            """)
    }

    @Test("the table lists each n with its epochs and each strategy's mean, with the range over seeds where they differ")
    func table() {
        let lines = report.table.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].contains("mean over 2 seeds"))
        #expect(lines[3] == "  bits  epochs  none             final            future")
        #expect(lines[4] == "    40       3  0.00  0.38 (0.25–0.50)  0.93 (0.90–0.95)")
        #expect(lines[5] == "     5       3  1.00              1.00              1.00")
    }
}
