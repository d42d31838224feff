import ArgumentParser
import Foundation
import RLCore
import Training

public struct EvalCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Run the greedy policy of a saved agent and report its mean return.",
        discussion: """
            The environment and the agent are rebuilt from the checkpoint's metadata. Episodes longer than \
            \(GreedyEvaluation.stepLimit) steps are cut. --json prints \
            {"episodes":N,"mean_return":…,"std_return":…,"mean_length":…}.
            --render ascii prints every state of every episode as text (the map, the cart and pole, the bits or \
            the chain) with the episode, step, reward and return above it.
            --q-values "x1,x2,…" runs no episodes: it prints what the agent computes for that one observation, \
            through the calls it acts with: {"observation":[…],"q_values":[…]} for a Q-learning agent, \
            {"observation":[…],"probabilities":[…],"value":…} for a policy agent (value null without a critic).
            Exit status: 64 bad usage (or an observation of the wrong length), 65 corrupt checkpoint, 66 missing or \
            unreadable checkpoint.
            """
    )

    @Option(help: "A model.safetensors or best.safetensors written by 'rlterm train'.")
    var checkpoint: String

    @Option(help: "Greedy episodes to run.")
    var episodes = 10

    @Option(help: "Seed of the evaluation environment's random stream.")
    var seed: UInt64 = 0

    @Option(help: ArgumentHelp("""
        Seed the environment as gymnasium's env.reset(seed=N) does and reset without a seed after each \
        episode: the episodes SB3's evaluate_policy runs on an environment seeded with N (replaces --seed).
        """, valueName: "N"))
    var gymSeed: String?

    @Option(help: "Print every frame of every episode: 'ascii'.")
    var render: String?

    @Flag(help: "Print the result as one JSON object.")
    var json = false

    /// Parsed unconditionally: an observation may start with a negative number ("-0.1,…"), which would
    /// otherwise be read as an unknown option.
    @Option(parsing: .unconditional,
            help: ArgumentHelp(
                "Print the agent's Q-values (or π and V) for this observation as JSON instead of evaluating.",
                valueName: "x1,x2,…"))
    var qValues: String?

    public init() {}

    public func validate() throws {
        guard episodes >= 1 else { throw ValidationError("--episodes must be a whole number ≥ 1, got \(episodes)") }
        if let render, render != "ascii" { throw ValidationError("--render must be 'ascii', got '\(render)'") }
    }

    public func run() throws {
        let loaded: AgentCheckpoint.Loaded
        do {
            loaded = try AgentCheckpoint.load(from: checkpoint)
        } catch {
            throw CommandFailure(error)
        }
        if let qValues {
            let observation: [Float]
            do {
                observation = try ObservationQuery.parse(qValues, expectedCount: loaded.agent.observationCount,
                                                         environment: loaded.environment.name)
            } catch {
                throw CommandFailure(error.description, status: .usage)
            }
            print(ObservationQuery.json(agent: loaded.agent, observation: observation))
            return
        }
        var spec = loaded.environment
        spec.gymSeed = try gymSeed.map { text throws(CommandFailure) in try GymSeedArgument.parse(text) }
        if let problem = spec.problem { throw CommandFailure(problem, status: .usage) }
        var environment: any Environment
        do {
            environment = try spec.make(generator: RunSeed(seed).generator(for: "eval-env"))
        } catch {
            throw CommandFailure(error.description, status: .dataError)
        }
        var text = EpisodeText()
        let result = GreedyEvaluation.run(loaded.agent, on: &environment, episodes: episodes,
                                          watch: render == nil ? nil : { environment, episode, outcome in
                                              print(text.frame(environment, episode: episode, outcome: outcome))
                                          })
        if json {
            print(result.json)
        } else {
            print(String(format: "%@ on %@: mean return %.2f ± %.2f over %d episodes (mean length %.1f)",
                         loaded.agent.algorithm.name, loaded.environment.name, result.meanReturn, result.standardDeviation,
                         result.episodes, result.meanLength))
        }
    }
}
