import Agents
import ArgumentParser

public struct AlgosCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "algos",
        abstract: "List the algorithms rlterm can train, their options and hyperparameters.",
        discussion: "Each hyperparameter is shown as key=default (its range follows in the table at the end)."
    )

    public init() {}

    public func run() {
        for algorithm in AlgorithmRegistry.all {
            print("\(algorithm.name)  \(algorithm.summary)")
            if !algorithm.options.isEmpty {
                print("    options: " + algorithm.optionSynopses.joined(separator: "  "))
            }
            let values = algorithm.hyperparameters.map { "\($0.rawValue)=\(HyperparameterSpec.format(algorithm.defaults[$0]!))" }
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
