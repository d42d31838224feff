import ArgumentParser

/// `--threads`, for the `reproduce` subcommands whose runs are independent of one another.
struct ParallelRunOptions: ParsableArguments {
    /// The thread counts `--threads` accepts.
    static let allowedThreads = 1...64

    @Option(help: ArgumentHelp("Worker threads, each running whole runs.", valueName: "n"))
    var threads = 2

    func validate() throws {
        guard Self.allowedThreads.contains(threads) else {
            throw ValidationError(
                "--threads must be in \(Self.allowedThreads.lowerBound)…\(Self.allowedThreads.upperBound), got \(threads)")
        }
    }
}
