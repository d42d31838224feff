import Agents
import ArgumentParser
import Training

/// What a run is — environment, algorithm, budget, seed, log directory, the algorithm's switches and every
/// hyperparameter — shared by `train` and `watch`, so both take the same flags and build the same
/// configuration from them.
struct RunOptions: ParsableArguments {
    @Option(help: "The environment: a name from 'rlterm envs', envs/NAME.txt here, or a path to a map file.")
    var env: String?

    @Option(help: "The algorithm ('rlterm algos').")
    var algo: String?

    @Option(help: """
        Environment steps (with --envs N: transitions over all N copies); ε and PER's β are scheduled over them. \
        Default: the pair's preset budget ('rlterm algos --env E').
        """)
    var steps: Int?

    @Option(help: "The run seed: every random draw of the run follows from it.")
    var seed: UInt64 = 0

    @Option(help: ArgumentHelp("""
        Reset (and slip) as gymnasium's env.reset(seed=N) does: start states from gymnasium's own generator \
        (copy i of --envs gets N + i, as SB3 seeds them) instead of the run's stream. CartPole and the maps.
        """, valueName: "N"))
    var gymSeed: String?

    @Option(help: "Write run.json, monitor.csv, progress.csv and checkpoints into this directory.")
    var logDir: String?

    @Flag(help: "Double DQN targets: the online network picks a′, the target network evaluates it.")
    var double = false

    @Flag(help: "Learn from the last B transitions only, without a replay memory.")
    var noReplay = false

    @Flag(help: "Bootstrap from the online network itself (no target network).")
    var noTarget = false

    @Option(help: "Replay sampling: uniform or prioritized.")
    var replay = "uniform"

    @Option(help: "Hindsight relabelling on goal environments: none, final or future (k = --her-k).")
    var her = "none"

    @Flag(help: "With --her: a transition that reaches its goal is terminal, instead of bootstrapped as in the paper.")
    var herTerminal = false

    @Option(help: "Policy-gradient weight Ψ: total, reward-to-go, baseline, q, advantage or td-residual (which ones an algorithm takes: 'rlterm algos').")
    var psi: String?

    @Flag(help: "Batch actor-critic: fit V̂ to bootstrapped targets r + γ·V̂(s′) instead of sampled reward sums.")
    var bootstrapCritic = false

    @Flag(help: "Online Q-iteration: an Adam step with gradient-norm clipping instead of the notes' plain step.")
    var adam = false

    @Option(help: "Bits of the bit-flipping environment.")
    var bits = 10

    @Option(help: "States of the Blind Cliffwalk.")
    var states = 10

    @Flag(help: "Make gridworld moves slippery whatever the map says.")
    var slippery = false

    @Option(help: "Steps after which a gridworld map's episodes are truncated (overrides max_steps and the preset).")
    var timeLimit: Int?

    @Option(name: .customLong("set"), help: "Set a hyperparameter: --set KEY=VALUE (repeatable).")
    var assignments: [String] = []

    @Argument(parsing: .allUnrecognized, help: .hidden)
    var hyperparameterFlags: [String] = []

    /// Every hyperparameter flag with its symbol, meaning and range, for a command's discussion.
    static var hyperparameterHelp: String {
        HyperparameterSpec.table.map { spec in
            "  --\(spec.key.rawValue)  \(spec.symbol) \(spec.meaning), \(spec.rangeDescription)"
        }.joined(separator: "\n")
    }

    /// The settings given besides `env`, `algo` and `steps` (defaults cannot be told from values given equal
    /// to them, which change nothing anyway).
    var settingsGiven: [String] {
        let given: [(String, Bool)] = [
            ("--seed", seed != 0), ("--gym-seed", gymSeed != nil), ("--log-dir", logDir != nil), ("--double", double), ("--no-replay", noReplay),
            ("--no-target", noTarget), ("--replay", replay != "uniform"), ("--her", her != "none"), ("--psi", psi != nil),
            ("--bootstrap-critic", bootstrapCritic), ("--adam", adam), ("--her-terminal", herTerminal),
            ("--bits", bits != 10), ("--states", states != 10),
            ("--slippery", slippery), ("--time-limit", timeLimit != nil), ("--set", !assignments.isEmpty),
            ("hyperparameter flags", !hyperparameterFlags.isEmpty),
        ]
        return given.filter(\.1).map(\.0)
    }

    /// The run's configuration, every value validated against its range: the environment, algorithm and
    /// budget given, else `defaults` (a command without defaults requires them). The hyperparameters and time
    /// limit start from the pair's preset in `presets`, and the command line's values override it; the
    /// configuration names the preset and the keys whose values differ from it.
    func configuration(defaults: (env: String, algo: Algorithm, steps: Int)? = nil, evaluationInterval: Int = 0,
                       evaluationEpisodes: Int = 10, stopWhenSolved: Bool = false,
                       presets: PresetLibrary = PresetLibrary()) throws -> TrainingConfiguration {
        guard let env = env ?? defaults?.env, let algo = algo ?? defaults?.algo.name else {
            throw CommandFailure("--env and --algo are required", status: .usage)
        }
        guard let replayKind = AgentOptions.Replay(rawValue: replay) else {
            throw CommandFailure("--replay must be uniform or prioritized, got '\(replay)'", status: .usage)
        }
        guard let hindsight = AgentOptions.Hindsight(rawValue: her) else {
            throw CommandFailure("--her must be none, final or future, got '\(her)'", status: .usage)
        }
        let psiChoice = try psi.map { text in
            guard let choice = Psi(rawValue: text) else {
                throw CommandFailure("--psi must be one of \(Psi.list(Psi.allCases)), got '\(text)'", status: .usage)
            }
            return choice
        }
        let algorithm: Algorithm
        do {
            algorithm = try AlgorithmRegistry.algorithm(named: algo)
        } catch {
            throw CommandFailure("\(error)", status: .usage)
        }
        let preset: Preset?
        do {
            preset = try presets.preset(of: algorithm, on: env)
        } catch {
            throw CommandFailure("\(error)", status: .dataError)
        }
        guard let steps = steps ?? preset?.steps ?? defaults?.steps else {
            throw CommandFailure("--steps is required: \(algorithm.name) on \(env) has no preset budget "
                                 + "('rlterm algos --env \(env)' shows the presets)", status: .usage)
        }
        let environment = EnvironmentSpec(name: env, bits: bits, states: states, slippery: slippery,
                                          gymSeed: try gymSeed.map { text throws(CommandFailure) in
                                              try GymSeedArgument.parse(text)
                                          })
        var configuration = TrainingConfiguration(
            environment: environment,
            algorithm: algorithm,
            options: AgentOptions(replay: replayKind, hindsight: hindsight, double: double, noReplay: noReplay,
                                  noTarget: noTarget, psi: psiChoice, bootstrapCritic: bootstrapCritic, adam: adam,
                                  herTerminal: herTerminal),
            steps: steps, seed: seed, evaluationInterval: evaluationInterval, evaluationEpisodes: evaluationEpisodes,
            stopWhenSolved: stopWhenSolved)
        configuration.start(from: preset, algorithm: algorithm)
        if let psiChoice {
            configuration.options.psi = psiChoice
        }
        var hyperparameters = configuration.hyperparameters
        do {
            try hyperparameters.apply(flags: hyperparameterFlags)
            for assignment in assignments {
                try hyperparameters.apply(assignment: assignment)
            }
        } catch {
            throw CommandFailure("\(error)", status: .usage)
        }
        let start = configuration.hyperparameters
        configuration.overridden = hyperparameters.keys.filter { hyperparameters[$0] != start[$0] }.map(\.rawValue)
        configuration.hyperparameters = hyperparameters
        if let presetSteps = preset?.steps, steps != presetSteps { configuration.overridden.append(PresetFile.stepsKey) }
        if let presetPsi = preset?.psi, configuration.options.psi != presetPsi {
            configuration.overridden.append(PresetFile.psiKey)
        }
        if let timeLimit, timeLimit != configuration.environment.timeLimit {
            configuration.environment.timeLimit = timeLimit
            configuration.overridden.append(PresetFile.timeLimitKey)
        }
        return configuration
    }
}
