import Training

/// One run of a sweep: its place in the grid (the Slurm array index), its log directory, and the arguments
/// of its `rlterm train` command after the program's name.
struct SweepRun: Equatable, Sendable {
    let index: Int
    let directory: String
    let arguments: [String]

    /// The command as one line of shell, each word quoted where a shell would split or expand it.
    func command(program: String) -> String {
        ([program] + arguments).map(TrainingConfiguration.shellQuoted).joined(separator: " ")
    }
}
