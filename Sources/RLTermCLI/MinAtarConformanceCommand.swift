import ArgumentParser
import Environments
import Foundation

/// `rlterm conformance minatar-GAME TRACES`: replays episodes recorded from minatar 1.0.15 through rlterm's own
/// game and reports, per episode, PASS or its first mismatch.
struct MinAtarConformanceCommand<Game: MinAtarGame>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: MinAtar<Game>.descriptor.name,
            abstract: "Replay minatar 1.0.15 \(Game.name) traces and report any deviation.",
            discussion: """
                TRACES is a JSON file in the "\(MinAtarTraceFormat.traceFormat)" schema, recorded from \
                minatar.Environment("\(Game.name)") (the project's copy: \
                Tests/EnvironmentsTests/Fixtures/minatar_\(Game.name)_traces.json, written by \
                make_minatar_traces.py). Each trace seeds rlterm's game as MinAtar's seed(N) and reset() do, \
                applies its actions with its sticky-action probability, and compares every observation cell, \
                reward, terminal flag and the random stream's position (words drawn since the seed).

                One line per trace: id, acts, PASS or FAIL with the first mismatch (step 0 is the observation \
                right after the reset). Then a summary line.

                Exit status: 0 when every trace passes, 1 when any fails, 66 when TRACES does not exist, 65 when \
                it cannot be read or is not a valid traces file.
                """
        )
    }

    @Argument(help: ArgumentHelp("The traces file (JSON, format \"\(MinAtarTraceFormat.traceFormat)\")."))
    var traces: String

    func run() throws {
        let file = try readTraceFile(traces, decode: MinAtarTraceFile<Game>.init(data:))
        let reports = file.replayAll()
        let acts = reports.reduce(0) { $0 + $1.stepCount }
        try printTraceReports(reports, id: \.id, passed: \.passed, line: { report, id in
            "\(id)  " + String(format: "%5d", report.stepCount) + " acts  "
                + (report.firstMismatch.map { "FAIL  \($0)" } ?? "PASS")
        }, summary: { failed in
            "\(reports.count) traces, \(acts) acts: \(reports.count - failed) passed, \(failed) failed"
        })
    }
}
