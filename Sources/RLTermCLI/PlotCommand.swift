import Analysis
import ArgumentParser
import Foundation
import TerminalUI

public struct PlotCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Compare finished runs: learning curves across seeds, one per setting, and a table.",
        discussion: """
            Each DIR is a run directory (it holds monitor.csv, as 'rlterm train --log-dir' writes it, or SB3's \
            *.monitor.csv files, merged in the order their episodes ended as SB3's load_results merges them) or a \
            directory searched below for such; quoted glob patterns are expanded. Runs are grouped by the settings \
            in their run.json that differ (algorithm, environment, hyperparameters, options; not the seed), or by \
            --group-by KEY (repeatable: a run.json key such as hyperparameters.lr, the last part of one (lr), env, \
            algo, or dir, the directory above the run). Runs without run.json (SB3's) are grouped by dir.
            A run's curve over environment steps: after each episode, the mean return of its last --window \
            episodes, at the step the episode ended; between two episode ends it is interpolated linearly. A run \
            has no value before its first episode ends or after its last one (nothing is carried forward past \
            a run's end). A group's curve at each of --points steps is the interquartile mean (IQM: the mean of \
            the middle half, ⌊n/4⌋ runs cut from each end) of its runs' values there, with a 95% confidence band \
            by rliable's stratified bootstrap (runs redrawn with replacement within each environment, --reps \
            replicates, percentile interval; the draws follow --bootstrap-seed). A point is drawn only where at \
            least --min-runs of the group's runs reach it (default: all of them), so runs of unequal length end \
            the curve where the shortest ends instead of changing the runs it averages.
            The table gives per group the final IQM with its interval at the last step enough runs reach and, \
            with --solved R, the first episode end at which the IQM reaches R and the IQM of the runs' clocks \
            there (seconds since each run started: SB3's t column, evaluations included).
            The plot is braille in colour on a terminal, plain when piped; NO_COLOR or --mono drop colour (bands \
            are then drawn only for a single curve), --ascii draws in ASCII. --csv FILE writes the curves: \
            group,step,runs,iqm,ci_low,ci_high.
            A malformed or truncated monitor.csv (as file:line) or run.json is reported and its run left out; an \
            incomplete last line (a run killed while writing) is left out with a warning. docs/SWEEPS.md has more.
            Exit status: 64 bad usage, 65 no run could be read, 66 no run found, 74 the CSV file cannot be written.
            """
    )

    @Argument(help: ArgumentHelp("Run directories, directories of runs, or glob patterns.", valueName: "dir"))
    var directories: [String]

    @Option(name: .customLong("group-by"), help: ArgumentHelp("Group runs by this run.json key (repeatable).", valueName: "key"))
    var groupBy: [String] = []

    @Option(help: "Episodes in each run's trailing mean return.")
    var window = 10

    @Option(help: "Steps of the common grid the curves are computed at.")
    var points = 100

    @Option(help: ArgumentHelp("Runs a point needs (default, and at most: all of the group's runs).", valueName: "n"))
    var minRuns: Int?

    @Option(help: "Bootstrap replicates per point (rliable: 50,000 for single estimates).")
    var reps = 2000

    @Option(help: "Seed of the bootstrap's draws.")
    var bootstrapSeed: UInt64 = 0

    // Unconditional: Acrobot's and MountainCar's thresholds are negative, and "-100" would otherwise be read as
    // an option.
    @Option(parsing: .unconditional,
            help: ArgumentHelp("Report the steps and seconds each group's IQM takes to reach this return.", valueName: "R"))
    var solved: Double?

    @Option(help: ArgumentHelp("Write the aggregated curves to this CSV file.", valueName: "file"))
    var csv: String?

    @Option(help: "Width of the plot in columns (default: the terminal's, else 80).")
    var width: Int?

    @Option(help: "Height of the plot in rows.")
    var height = 20

    @Flag(help: "No colour (as NO_COLOR).")
    var mono = false

    @Flag(help: "Draw in ASCII instead of braille.")
    var ascii = false

    public init() {}

    public func validate() throws {
        guard window >= 1 else { throw ValidationError("--window must be a whole number ≥ 1, got \(window)") }
        guard (2...10_000).contains(points) else { throw ValidationError("--points must be in 2…10000, got \(points)") }
        guard (1...1_000_000).contains(reps) else { throw ValidationError("--reps must be in 1…1000000, got \(reps)") }
        if let minRuns, minRuns < 1 { throw ValidationError("--min-runs must be a whole number ≥ 1, got \(minRuns)") }
        if let solved, !solved.isFinite { throw ValidationError("--solved must be a finite return, got \(solved)") }
        if let width, width < 20 { throw ValidationError("--width must be at least 20 columns, got \(width)") }
        guard height >= 4 else { throw ValidationError("--height must be at least 4 rows, got \(height)") }
    }

    public func run() throws {
        let comparison = try compare()
        for warning in comparison.warnings {
            FileHandle.standardError.write(Data("rlterm plot: \(warning)\n".utf8))
        }
        let environment = ProcessInfo.processInfo.environment
        let terminal = isatty(STDOUT_FILENO) == 1
        let theme = Theme(
            colorMode: ColorMode.select(environment: environment, mono: mono || !terminal,
                                        terminalColors: Self.terminalColors(environment)),
            charset: Charset.select(environment: environment, forceASCII: ascii))
        let lines = comparison.plot(width: width ?? Self.terminalWidth(environment), height: height, theme: theme)
        print((lines + [""] + comparison.table).joined(separator: "\n"))
        if let csv {
            do {
                try CurveCSV.text(comparison.curves).write(toFile: csv, atomically: true, encoding: .utf8)
            } catch {
                throw CommandFailure("cannot write \(csv): \(error.localizedDescription)", status: .ioError)
            }
        }
    }

    /// Reads, groups and aggregates the runs: everything but the output.
    func compare() throws -> Comparison {
        let (found, problems) = RunDiscovery.find(directories)
        var warnings = problems
        var runs: [RunRecord] = []
        for (directory, monitorFiles) in found {
            do {
                let run = try RunRecord.read(directory: directory, monitorFiles: monitorFiles)
                warnings += run.warnings
                if run.episodes.isEmpty {
                    warnings.append("\(directory): no finished episode yet, left out")
                } else {
                    runs.append(run)
                }
            } catch {
                warnings.append("\(error), run left out")
            }
        }
        guard !runs.isEmpty else {
            let reason = (found.isEmpty ? "no run found" : "no run could be read") + warnings.map { "\n  \($0)" }.joined()
            throw CommandFailure(reason, status: found.isEmpty ? .noInput : .dataError)
        }
        let grouping = try grouping(of: runs)
        let groups = grouping.groups(runs, window: window)
        let aggregation = CurveAggregation(pointCount: points, minimumRuns: minRuns, replicates: reps, seed: bootstrapSeed)
        let grid = aggregation.grid(for: groups)
        let curves = groups.enumerated().map { index, group in
            aggregation.curve(of: group, index: index, grid: grid, threshold: solved)
        }
        let mixed = groups.filter { $0.strata.count > 1 }.map(\.label)
        if !mixed.isEmpty {
            warnings.append("\(mixed.joined(separator: ", ")): runs on several environments; their raw returns are averaged "
                            + "together (each environment a stratum of the bootstrap) — group by env to keep them apart")
        }
        return Comparison(curves: curves, warnings: warnings, threshold: solved)
    }

    private func grouping(of runs: [RunRecord]) throws -> RunGrouping {
        guard !groupBy.isEmpty else { return .differing(runs) }
        let available = Set(runs.flatMap(\.properties.keys))
        return RunGrouping(keys: try groupBy.map { name in
            guard let key = RunProperties.resolve(name, among: available) else {
                throw CommandFailure("--group-by \(name): no such key in the runs (or several end in it); keys: "
                                     + available.sorted().joined(separator: ", "), status: .usage)
            }
            return key
        })
    }

    /// The terminal's width from TIOCGWINSZ on standard output, else COLUMNS, else 80.
    static func terminalWidth(_ environment: [String: String]) -> Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 20 { return Int(size.ws_col) }
        return environment["COLUMNS"].flatMap(Int.init).map { max($0, 20) } ?? 80
    }

    /// The colours a terminal described by TERM has: 256 for `*256color*`, none for `dumb` or no TERM, else 8.
    static func terminalColors(_ environment: [String: String]) -> Int {
        let term = environment["TERM"] ?? ""
        if term.contains("256color") { return 256 }
        return term.isEmpty || term == "dumb" ? 0 : 8
    }
}
