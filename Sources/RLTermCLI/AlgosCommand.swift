import Agents
import ArgumentParser
import Training

public struct AlgosCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "algos",
        abstract: "List the algorithms rlterm can train, their options and hyperparameters.",
        discussion: """
            Each hyperparameter is shown as key=default (its range follows in the table at the end). With --env E, \
            the values each algorithm starts from on E: its preset (envs/presets/ALGORITHM.txt), marked *, over \
            its defaults.
            """
    )

    @Option(help: "Show the values each algorithm starts from on this environment (its preset over its defaults).")
    var env: String?

    public init() {}

    public func run() throws {
        let presets = PresetLibrary()
        for algorithm in AlgorithmRegistry.all {
            print("\(algorithm.name)  \(algorithm.summary)")
            if !algorithm.options.isEmpty {
                print("    options: " + algorithm.optionSynopses.joined(separator: "  "))
            }
            var preset: Preset?
            if let env {
                do {
                    preset = try presets.preset(of: algorithm, on: env)
                } catch {
                    throw CommandFailure("\(error)", status: .dataError)
                }
                let source = preset.map { "\($0.name) (\(PresetLibrary.path(of: algorithm)))" }
                print("    preset: " + (source ?? "none: the defaults"))
            }
            let start = preset?.hyperparameters ?? Hyperparameters(defaultsFor: algorithm)
            var values = algorithm.hyperparameters.map { key in
                "\(key.rawValue)=\(HyperparameterSpec.format(start[key]))\(preset?.values[key] != nil ? "*" : "")"
            }
            if let limit = preset?.timeLimit { values.append("\(PresetFile.timeLimitKey)=\(limit)*") }
            if let steps = preset?.steps { values.append("\(PresetFile.stepsKey)=\(steps)*") }
            if let psi = preset?.psi { values.append("\(PresetFile.psiKey)=\(psi.rawValue)*") }
            print("    hyperparameters: " + values.joined(separator: " "))
        }
        print("\nhyperparameters")
        let width = HyperparameterSpec.table.map(\.key.rawValue.count).max() ?? 0
        let symbolWidth = HyperparameterSpec.table.map(\.symbol.count).max() ?? 0
        for spec in HyperparameterSpec.table {
            let key = spec.key.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
            let users = spec.algorithms.joined(separator: ", ")
            let symbol = spec.symbol.padding(toLength: symbolWidth, withPad: " ", startingAt: 0)
            let condition = spec.usedWhen.reason.map { "; \($0)" } ?? ""
            print("  \(key)  \(symbol)  \(spec.meaning); \(spec.rangeDescription)\(spec.live ? "" : "; new agents only")"
                  + "\(condition) [\(users)]")
        }
    }
}
