import ArgumentParser
import Foundation
import Training

public struct SweepCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Expand a grid of settings into 'rlterm train' commands: for GNU parallel, a Slurm array, or run here.",
        discussion: """
            Every combination of --env, --algo and each --set KEY=V1,V2,… (comma-separated lists), with every seed \
            of --seeds (e.g. 0-9 or 1,3,5), is one 'rlterm train' run with its own --log-dir: \
            OUT/<algo>_<env>[_KEY=V…]/seed=<n>, so each setting's seeds share a folder. Options after '--' go to \
            every run (--steps is one of sweep's own). Every run is checked as 'rlterm train' checks it \
            (names, ranges, presets, memory) before anything is printed or started.
            Three ways to run them:
              rlterm sweep … | parallel -j 4       GNU parallel: one command per line
              rlterm sweep … --slurm job.sh        a Slurm job array; then: sbatch job.sh
              rlterm sweep … --run -j 4            here, 4 at a time, output in train.log
            The Slurm script has #SBATCH --array=0-(N-1) and one line per task index. With --run a progress line shows how many runs are done; Ctrl-C starts no new run and lets the running ones save.
            Then compare them: rlterm plot OUT. docs/SWEEPS.md has examples.
            Exit status: 64 bad usage or a run 'train' would refuse, 70 a run failed (with --run), 74 I/O error, \
            128 + n after signal n (with --run).
            """
    )

    @Option(help: ArgumentHelp("Environments, comma-separated.", valueName: "list"))
    var env: String

    @Option(help: ArgumentHelp("Algorithms, comma-separated.", valueName: "list"))
    var algo: String

    @Option(help: ArgumentHelp("Seeds: numbers and ranges A-B, comma-separated.", valueName: "list"))
    var seeds = "0"

    @Option(name: .customLong("set"), help: ArgumentHelp("A hyperparameter and its values: KEY=V1,V2,… (repeatable).", valueName: "key=values"))
    var assignments: [String] = []

    @Option(help: "Environment steps of every run (default: each pair's preset budget).")
    var steps: Int?

    @Option(help: ArgumentHelp("The directory the runs' directories go in.", valueName: "dir"))
    var out = "sweep"

    @Option(help: ArgumentHelp("How the printed commands and the Slurm script call rlterm.", valueName: "path"))
    var program = "rlterm"

    @Option(help: ArgumentHelp("Write a Slurm job-array script here instead of printing the commands.", valueName: "file"))
    var slurm: String?

    @Option(help: ArgumentHelp("One more #SBATCH line for the Slurm script, e.g. --sbatch=--time=01:00:00 (repeatable).",
                               valueName: "directive"))
    var sbatch: [String] = []

    @Flag(name: .customLong("run"), help: "Run the sweep here instead of printing it.")
    var runsHere = false

    @Option(name: .shortAndLong, help: ArgumentHelp("With --run: runs at a time.", valueName: "n"))
    var jobs = 2

    @Argument(parsing: .postTerminator, help: ArgumentHelp("Options for every run, after '--'.", valueName: "train options"))
    var trainOptions: [String] = []

    public init() {}

    public func validate() throws {
        guard (1...256).contains(jobs) else { throw ValidationError("--jobs must be in 1…256, got \(jobs)") }
        guard !(runsHere && slurm != nil) else { throw ValidationError("--run and --slurm are two ways to run a sweep: give one") }
        for reserved in ["--log-dir", "--seed", "--resume", "--env", "--algo"] {
            if trainOptions.contains(where: { $0 == reserved || $0.hasPrefix(reserved + "=") }) {
                throw ValidationError("\(reserved) after '--': the sweep sets it for each run")
            }
        }
        if slurm != nil, out.contains(where: \.isWhitespace) {
            throw ValidationError("--out with --slurm cannot contain spaces (Slurm's --output path is not quoted)")
        }
    }

    public func run() throws {
        let runs = try grid().runs
        try check(runs)
        if let slurm {
            try write(SlurmScript.text(runs: runs, program: program, root: out, extra: sbatch), to: slurm)
            FileHandle.standardError.write(Data("rlterm sweep: \(runs.count) runs in \(slurm); submit with: sbatch \(slurm)\n".utf8))
        } else if runsHere {
            try runHere(runs)
        } else {
            print(runs.map { $0.command(program: program) }.joined(separator: "\n"))
        }
    }

    /// The grid the options describe.
    func grid() throws -> SweepGrid {
        func list(_ text: String, _ option: String) throws -> [String] {
            let items = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard !items.contains("") else { throw CommandFailure("\(option) has an empty item: '\(text)'", status: .usage) }
            return items
        }
        return SweepGrid(environments: try list(env, "--env"), algorithms: try list(algo, "--algo"),
                         axes: try assignments.map(SweepGrid.Axis.init(parsing:)), seeds: try SweepGrid.seeds(seeds),
                         root: out, common: (steps.map { ["--steps", String($0)] } ?? []) + trainOptions)
    }

    /// Parses each distinct setting's `train` arguments as `rlterm train` does and builds its trainer, which
    /// checks every name and value (seeds aside, runs of one setting differ only in them and their directories).
    func check(_ runs: [SweepRun]) throws {
        var checked: Set<[String]> = []
        for run in runs {
            let setting = Array(run.arguments.dropFirst().filter { $0 != run.directory })
            guard checked.insert(Self.withoutSeed(setting)).inserted else { continue }
            do {
                let command = try TrainCommand.parse(Array(run.arguments.dropFirst()))
                _ = try command.newTrainer()
            } catch let failure as CommandFailure {
                throw CommandFailure("run \(run.index) (\(run.command(program: program))): \(failure.message)", status: failure.status)
            } catch {
                throw CommandFailure("run \(run.index) (\(run.command(program: program))): \(TrainCommand.message(for: error))",
                                     status: .usage)
            }
        }
    }

    private static func withoutSeed(_ arguments: [String]) -> [String] {
        guard let index = arguments.firstIndex(of: "--seed"), index + 1 < arguments.count else { return arguments }
        return Array(arguments[..<index] + arguments[(index + 2)...])
    }

    private func runHere(_ runs: [SweepRun]) throws {
        let line = ProgressLine()
        let runner = SweepRunner(runs: runs, jobs: jobs, executable: try Self.executablePath())
        let (failures, signal) = try runner.run(progress: { finished, running, failed in
            line.update("sweep: \(finished)/\(runs.count) done, \(running) running, \(failed) failed, "
                        + "\(Int(line.elapsed)) s")
        }, finished: { run, status in
            guard !line.isTerminal else { return }
            FileHandle.standardError.write(Data("sweep: run \(run.index) \(status == 0 ? "done" : "failed (status \(status))"): \(run.directory)\n".utf8))
        })
        line.finishKeepingLine()
        if let signal {
            FileHandle.standardError.write(Data("rlterm sweep: stopped by \(TerminationSignals.name(of: signal))\n".utf8))
            Foundation.exit(TerminationSignals.exitStatus(for: signal))
        }
        guard failures.isEmpty else {
            let list = failures.map { "\n  run \($0.run.index), status \($0.status): \($0.run.directory)/train.log" }.joined()
            throw CommandFailure("\(failures.count) of \(runs.count) runs failed:\(list)", status: .software)
        }
        FileHandle.standardError.write(Data("rlterm sweep: \(runs.count) runs done; compare them with: rlterm plot \(out)\n".utf8))
    }

    private func write(_ text: String, to path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw CommandFailure("cannot write \(path): \(error.localizedDescription)", status: .ioError)
        }
    }

    /// This executable, which the runs are started as.
    static func executablePath() throws -> String {
        do {
            return try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        } catch {
            throw CommandFailure("cannot find this program's path (/proc/self/exe): \(error.localizedDescription)", status: .ioError)
        }
    }
}
