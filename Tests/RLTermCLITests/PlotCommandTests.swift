import Analysis
import Foundation
import TerminalUI
import Testing
@testable import RLTermCLI

/// `rlterm plot` on the fixture runs (Fixtures/make_runs.sh: DQN and VPG on CartPole, seeds 0-3, one DQN run
/// cut short as a killed run is and one VPG run with a damaged row).
@Suite("plot: golden plots and tables from fixture runs")
struct PlotCommandTests {
    static var runs: String {
        Bundle.module.url(forResource: "runs", withExtension: nil, subdirectory: "Fixtures")!.path
    }

    static func comparison(_ arguments: [String]) throws -> Comparison {
        try PlotCommand.parse([runs] + arguments).compare()
    }

    @Test("a negative threshold follows --solved as a value, as Acrobot's −100 and MountainCar's −110 need")
    func negativeThreshold() throws {
        #expect(try PlotCommand.parse([Self.runs, "--solved", "-100"]).solved == -100)
    }

    @Test("the damaged run is left out at its line, the cut one keeps its complete rows; both say so")
    func warnings() throws {
        let comparison = try Self.comparison([])
        #expect(comparison.warnings == [
            "\(Self.runs)/dqn/seed=3/monitor.csv:88: incomplete last line (no line end), left out: '10.0,10,0.0'",
            "\(Self.runs)/vpg/seed=3/monitor.csv:7: l must be a whole number ≥ 1, got '1?', run left out",
        ])
        #expect(comparison.curves.map(\.label) == ["dqn", "vpg"] && comparison.curves.map(\.runCount) == [4, 3])
    }

    @Test("by default the short DQN run ends DQN's curve where it ends; the table says so")
    func allRunsGolden() throws {
        let comparison = try Self.comparison(["--solved", "60"])
        #expect(comparison.plot(width: 64, height: 12, theme: Theme(colorMode: .none, charset: .ascii)) == [
            " * dqn (4)  o vpg (3)   no bands without colour (--csv)",
            "73.8                                            oooooooooooooooo",
            "                                              ooo      ooo",
            "                                         ooooo",
            "                                      ooooo",
            "44.9                          oo    ooo",
            "                     ooooooooo  ooooo",
            "                 ooooo  oo",
            "      oooooooooooo",
            "      o*** o",
            "9.27     *******",
            "     0                        steps                         5919",
        ])
        #expect(comparison.table == [
            "group  runs  final step  final IQM         95% CI  steps to 60.0  seconds",
            "dqn     4/4        1029       9.86   [9.40, 10.3]    not reached        —",
            "vpg     3/3        5941       66.6  [39.2, 106.9]           3999      0.5",
        ])
    }

    @Test("--min-runs 3 carries DQN's curve on with its three full runs; one group in colour has its band, in braille")
    func fewerRunsGolden() throws {
        let comparison = try PlotCommandTests.comparison(["--min-runs", "3", "--solved", "100"])
        let dqn = try PlotCommand.parse([Self.runs + "/dqn", "--min-runs", "3"]).compare()
        #expect(dqn.surface(width: 64, height: 12, theme: Theme(colorMode: .indexed256, charset: .unicode)).lines == [
            " ─ all runs (4)   band: 95% CI                                  ",
            " 247                                            ⢀⡠⠤⠒⠒⠊⠉⠉⠉⠑⠒⢄⣀⣀⣀ ",
            "                                              ⡠⠒⠁   ⣀⣀⣀⣀       ⠉",
            "                                           ⣀⢔⣉⠤⠒⠊⠉⠉⠉    ⠉⠉⠉⠉⠑⠒⠒⠤",
            "                                       ⢀⡠⣔⢮⡲⠓⠒⠊⠉⠉⠒⠒⠒⠢⠤⠤⡀        ",
            " 140                                ⢀⠤⡪⣕⠞⠊⠁            ⠈⠑⠒⠒⠢⠤⠤⠤⠤",
            "                                 ⢀⡠⣊⣕⠝⠉                         ",
            "                               ⡠⣒⣕⠝⠊                            ",
            "                            ⣀⣔⣝⠮⠊                               ",
            "                         ⢀⣠⣮⠮⠊                                  ",
            "8.97  ⠖⠒⠷⢤⣤⣀⣀⣀⣀⣀⣤⣶⣶⣤⣤⣤⣄⠤⠞⠛⠉                                     ",
            "     0                        steps                         5874",
        ])
        #expect(comparison.table == [
            "group  runs  final step  final IQM          95% CI  steps to 100.0  seconds",
            "dqn     3/4        5891      186.6  [135.9, 221.0]            3026      0.2",
            "vpg     3/3        5941       66.6   [39.2, 106.9]     not reached        —",
        ])
    }

    @Test("--csv writes one row per group and grid step with the runs behind it")
    func csv() throws {
        let comparison = try Self.comparison(["--points", "20"])
        let rows = CurveCSV.text(comparison.curves).split(separator: "\n")
        #expect(rows.first == "group,step,runs,iqm,ci_low,ci_high")
        let cells = rows.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(cells.allSatisfy { $0.count == 6 })
        let (dqn, vpg) = (cells.filter { $0[0] == "dqn" }, cells.filter { $0[0] == "vpg" })
        #expect(dqn.allSatisfy { $0[2] == "4" } && vpg.allSatisfy { $0[2] == "3" }, "every run of the group at every point")
        let dqnEnd = try #require(comparison.curves.first?.final?.step)
        #expect(dqnEnd < 1100 && dqn.allSatisfy { Double($0[1])! <= dqnEnd }, "DQN's rows stop at its shortest run's end")
        #expect(dqn.count == 3 && vpg.count == 19)
        for row in cells {
            let (iqm, low, high) = (Double(row[3])!, Double(row[4])!, Double(row[5])!)
            #expect(low <= iqm && iqm <= high)
        }
    }

    @Test("the same runs and --bootstrap-seed give the same output; another seed other bands")
    func seeded() throws {
        let first = try Self.comparison(["--bootstrap-seed", "4"]).curves.flatMap(\.points)
        #expect(first == (try Self.comparison(["--bootstrap-seed", "4"]).curves.flatMap(\.points)))
        #expect(first != (try Self.comparison(["--bootstrap-seed", "5"]).curves.flatMap(\.points)))
    }

    @Test("bad arguments and runs that cannot be read end with their statuses", arguments: [
        (["/nonexistent/runs"], RLTermCLI.ExitStatus.noInput),
        (["--group-by", "colour"], RLTermCLI.ExitStatus.usage),
    ])
    func failures(arguments: [String], status: RLTermCLI.ExitStatus) throws {
        let command = try PlotCommand.parse(arguments.first!.hasPrefix("/") ? arguments : [Self.runs] + arguments)
        #expect(throws: CommandFailure.self) { try command.compare() }
        do {
            _ = try command.compare()
        } catch let failure as CommandFailure {
            #expect(failure.status == status)
        }
    }

    @Test("only damaged runs: status 65 and every reason")
    func onlyDamaged() throws {
        let command = try PlotCommand.parse([Self.runs + "/vpg/seed=3"])
        do {
            _ = try command.compare()
            Issue.record("expected a failure")
        } catch let failure as CommandFailure {
            #expect(failure.status == .dataError && failure.message.contains("monitor.csv:7"))
        }
    }

    @Test("out-of-range options are refused before anything is read", arguments: [
        ["--window", "0"], ["--points", "1"], ["--reps", "0"], ["--min-runs", "0"], ["--width", "5"], ["--height", "2"],
    ])
    func validation(arguments: [String]) {
        #expect(throws: (any Error).self) { try PlotCommand.parse([Self.runs] + arguments) }
    }
}
