import ArgumentParser

struct EnvsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "envs",
        abstract: "List the environments rlterm can train on."
    )

    func run() throws {
        print("cartpole")
    }
}
