import ArgumentParser
import Experiments
import Foundation
import RLTermCLI
import Training

/// What the `reproduce` subcommands share besides their shape (`ReproduceExperiment`): checking their list
/// and seed arguments, running independent runs in parallel with progress, and writing their CSV
/// atomically, with a failure to write reported as status 74.
enum ReproduceSupport {
    /// Refuses a bad item of `list` (named with its column, prefixed by `option`) or a seed count outside
    /// `allowedSeeds`, as usage errors.
    static func validate(list: String, option: String, allowed: ClosedRange<Int>, seeds: Int, allowedSeeds: ClosedRange<Int>) throws {
        do {
            _ = try IntegerList.parse(list, allowed: allowed)
        } catch {
            throw ValidationError("\(option): \(error)")
        }
        guard allowedSeeds.contains(seeds) else {
            throw ValidationError("--seeds must be in \(allowedSeeds.lowerBound)…\(allowedSeeds.upperBound), got \(seeds)")
        }
    }

    /// `job` of every run, in the order of `runs`, computed on `threads` threads (`ParallelJobs`; every run
    /// depends only on its own settings and seed, so the results do not depend on the thread count). The
    /// runs of highest `cost` start first so the threads finish together. `progress` counts finished runs
    /// under the experiment's `name`.
    static func results<Run: Sendable, Outcome: Sendable>(
        of runs: [Run], threads: Int, name: String, progress: ProgressLine, cost: (Run) -> Int,
        job: @escaping @Sendable (Run) -> Outcome
    ) -> [Outcome] {
        let costs = runs.map(cost)
        let order = runs.indices.sorted { (costs[$0], $1) > (costs[$1], $0) }
        let outcomes = ParallelJobs<Outcome>.run(count: runs.count, threads: threads, job: { job(runs[order[$0]]) }) { finished in
            progress.update("\(name): \(finished) of \(runs.count) runs done on \(threads) thread\(threads == 1 ? "" : "s") · "
                + String(format: "%.0f s", progress.elapsed))
        }
        var outcomeOfRun = [Outcome?](repeating: nil, count: runs.count)
        for (position, index) in order.enumerated() { outcomeOfRun[index] = outcomes[position] }
        return outcomeOfRun.map { $0! }
    }

    /// Fails with status 74 before any work when `path` could not be written at the end: a directory, or a
    /// file or parent directory without write permission, or a parent that does not exist.
    static func checkWritable(_ path: String) throws {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        if files.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard !isDirectory.boolValue else { throw CommandFailure("\(path): is a directory, not a CSV file", status: .ioError) }
            guard files.isWritableFile(atPath: path) else { throw CommandFailure("\(path): not writable", status: .ioError) }
        }
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard files.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CommandFailure("\(path): the directory \(parent) does not exist", status: .ioError)
        }
        // Writing atomically creates a temporary file beside the target, so the directory must be writable.
        guard files.isWritableFile(atPath: parent) else {
            throw CommandFailure("\(path): the directory \(parent) is not writable", status: .ioError)
        }
    }

    /// Writes `text` to `path` atomically.
    static func write(_ text: String, to path: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CommandFailure("\(path): cannot write the CSV: \(error.localizedDescription)", status: .ioError)
        }
    }
}
