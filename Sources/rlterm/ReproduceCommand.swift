import ArgumentParser

/// `rlterm reproduce`: the papers' small experiments, each a subcommand that prints a table and can write CSV.
struct ReproduceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reproduce",
        abstract: "Rerun a paper's experiment and print its result as a table (and CSV with --csv).",
        discussion: """
            Each subcommand reruns one figure of a paper at a size that finishes in minutes, prints a table \
            on stdout (progress goes to stderr when it is a terminal) and with --csv FILE writes the numbers \
            for plotting. docs/RESULTS.md records what they printed and how it compares with the paper.
            """,
        subcommands: [
            ReproduceHERBitFlipCommand.self, ReproducePERCliffwalkCommand.self, ReproducePsiVarianceCommand.self,
            ReproduceDeadlyTriadCommand.self, ReproduceOverestimationCommand.self,
        ]
    )
}
