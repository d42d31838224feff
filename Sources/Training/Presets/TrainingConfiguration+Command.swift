import Agents
import Foundation

extension TrainingConfiguration {
    /// The `rlterm train` command that runs this configuration from its first step: the environment and its
    /// options (a gym seed included), the algorithm and its switches, budget and seed, evaluations, and every
    /// hyperparameter (and the time limit and Ψ) whose value differs from `preset`, the starting point `train`
    /// takes for the pair (nil: the algorithm's defaults and the map's own time limit). Values print as the
    /// shortest text that reads back as the same number, so the command reproduces the run bit for bit.
    public func trainCommand(startingFrom preset: Preset?) -> String {
        var arguments = ["rlterm", "train", "--env", Self.shellQuoted(environment.name), "--algo", algorithm.name,
                         "--steps", String(steps), "--seed", String(seed)]
        let defaultOptions = EnvironmentSpec(name: environment.name)
        if environment.bits != defaultOptions.bits { arguments += ["--bits", String(environment.bits)] }
        if environment.states != defaultOptions.states { arguments += ["--states", String(environment.states)] }
        if environment.slippery { arguments.append("--slippery") }
        if let gymSeed = environment.gymSeed { arguments += ["--gym-seed", gymSeed.description] }
        if let timeLimit = environment.timeLimit, timeLimit != preset?.timeLimit {
            arguments += ["--time-limit", String(timeLimit)]
        }
        var chosenOptions = options
        // `train` starts from the preset's Ψ: name Ψ only where this run's differs from it.
        let psi = options.psi ?? algorithm.defaultPsi
        chosenOptions.psi = psi == (preset?.psi ?? algorithm.defaultPsi) ? nil : psi
        arguments += chosenOptions.commandLineArguments
        let start = preset?.hyperparameters ?? Hyperparameters(defaultsFor: algorithm)
        for key in hyperparameters.keys where hyperparameters[key] != start[key] {
            arguments += ["--\(key.rawValue)", HyperparameterSpec.format(hyperparameters[key])]
        }
        if evaluationInterval > 0 {
            arguments += ["--eval-every", String(evaluationInterval), "--eval-episodes", String(evaluationEpisodes)]
            if stopWhenSolved { arguments.append("--stop-when-solved") }
        }
        return arguments.joined(separator: " ")
    }

    /// `text` as one shell word: unchanged when it holds only characters a shell leaves alone, else in single
    /// quotes (a single quote inside written as '\'').
    public static func shellQuoted(_ text: String) -> String {
        let plain = !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || "-_./=:,+@%".unicodeScalars.contains(scalar))
        }
        return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
