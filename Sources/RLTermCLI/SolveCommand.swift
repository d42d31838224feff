import ArgumentParser
import Environments
import Foundation

public struct SolveCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Solve a gridworld map exactly by value iteration: V*, Q* and the greedy policy.",
        discussion: """
            Q(s,a) = Σ p·(r + γ·V(s′)) over the map's exact transition table, without bootstrapping through a \
            transition that ends the episode; V(s) = max_a Q(s,a). Ties go to the first action in the order \
            up, right, down, left.
            --json prints one object: {"rows","cols","gamma","actions","V","Q","policy"}, cells row-major, \
            null for walls (V, Q and policy) and 0 for terminal cells (H, G: V, every Q and the policy). \
            Cliff cells (C) have the values of an agent standing there, as in gymnasium's table, though none does.
            Exit status: 64 bad usage or unknown map name, 65 invalid map (file:line:col: reason), 66 missing file.
            """
    )

    @Option(help: "The map: a built-in name ('rlterm envs'), envs/NAME.txt here, or a path to a map file.")
    var env: String

    @Option(help: "The discount factor γ, in [0, 1).")
    var gamma = 0.99

    @Flag(help: "Print V*, Q* and the policy as JSON.")
    var json = false

    @Flag(help: "Make moves slippery whatever the map says (intended direction 1/3, each side 1/3).")
    var slippery = false

    @Flag(help: "Draw the policy with ^ > v < instead of arrows (the default when the locale is not UTF-8).")
    var ascii = false

    public init() {}

    public func validate() throws {
        guard gamma >= 0, gamma < 1 else {
            throw ValidationError("--gamma must be in [0, 1) (a discount of 1 need not converge), got \(gamma)")
        }
    }

    public func run() throws {
        let map = try GridMapArgument.load(env, slippery: slippery, notAMap: "solve works on maps")
        let solution = ValueIteration(model: TransitionModel(map: map), gamma: gamma)
        if !solution.converged {
            FileHandle.standardError.write(Data(
                "rlterm: value iteration stopped after \(solution.sweeps) sweeps, last change \(solution.finalChange)\n"
                    .utf8))
        }
        print(json ? Self.json(map: map, solution: solution) : report(map: map, solution: solution))
    }

    /// The JSON object, on one line, keys in the documented order.
    static func json(map: GridMap, solution: ValueIteration) -> String {
        func number(_ value: Double?) -> String { value.map { "\($0)" } ?? "null" }
        let actions = GridAction.allCases.map { "\"\($0.name)\"" }.joined(separator: ",")
        let v = solution.values.map(number).joined(separator: ",")
        let q = solution.actionValues.map { qs in
            qs.map { "[" + $0.map { number($0) }.joined(separator: ",") + "]" } ?? "null"
        }.joined(separator: ",")
        // Terminal cells have no action to take; the schema gives them 0 like their values, walls null.
        let policy = zip(solution.policy, solution.values).map { action, value in
            action.map(String.init) ?? (value == nil ? "null" : "0")
        }.joined(separator: ",")
        return "{\"rows\":\(map.rows),\"cols\":\(map.cols),\"gamma\":\(solution.gamma),\"actions\":[\(actions)],"
            + "\"V\":[\(v)],\"Q\":[\(q)],\"policy\":[\(policy)]}"
    }

    /// The human-readable report: the map, V* as a grid of numbers, the greedy policy as arrows.
    func report(map: GridMap, solution: ValueIteration) -> String {
        let asciiArrows = ascii || !Self.localeIsUTF8
        let settings = map.settings
        let dynamics = settings.slippery ? "slippery (intended move \(Self.decimal(settings.successRate, 3)))" : "deterministic"
        let times = asciiArrows ? "x" : "×"
        let gammaSymbol = asciiArrows ? "gamma" : "γ"
        let start = solution.values[map.start] ?? 0
        let letter: (Int) -> String? = { cell in
            let kind = map.cells[cell]
            return kind == .wall || kind == .cliff || kind.isTerminal ? String(kind.character) : nil
        }
        let largest = solution.values.compactMap { $0.map(abs) }.max() ?? 0
        let decimals = largest < 10 ? 3 : largest < 100 ? 2 : largest < 1000 ? 1 : 0
        let arrows = GridAction.allCases.map { String($0.arrow(ascii: asciiArrows)) }
        return """
            \(map.name) · \(map.source) · \(map.rows)\(times)\(map.cols) · \(dynamics) · \(gammaSymbol) = \(gamma)
            value iteration: \(solution.sweeps) sweeps, last change \(solution.finalChange)\
            \(solution.converged ? "" : " (did not converge)")

            map
            \(Self.grid(map) { String(map.cells[$0].character) })

            V*
            \(Self.grid(map) { letter($0) ?? Self.decimal(solution.values[$0] ?? 0, decimals) })

            greedy policy (ties go to the first of \(arrows.joined(separator: " ")))
            \(Self.grid(map) { letter($0) ?? solution.policy[$0].map { arrows[$0] } ?? "?" })

            V*(start) = \(start)
            """
    }

    /// The map's cells as rows of right-aligned columns, two spaces in.
    static func grid(_ map: GridMap, cell: (Int) -> String) -> String {
        let texts = (0..<map.rows * map.cols).map(cell)
        let width = texts.map(\.count).max() ?? 1
        return (0..<map.rows).map { row in
            "  " + texts[row * map.cols..<(row + 1) * map.cols].map {
                String(repeating: " ", count: width - $0.count) + $0
            }.joined(separator: " ")
        }.joined(separator: "\n")
    }

    /// `value` with `decimals` digits after the point, without a minus sign on a rounded zero.
    static func decimal(_ value: Double, _ decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", value)
        return text.hasPrefix("-") && text.allSatisfy({ "-0.".contains($0) }) ? String(text.dropFirst()) : text
    }

    /// Whether the locale (LC_ALL, else LC_CTYPE, else LANG) asks for UTF-8.
    static var localeIsUTF8: Bool {
        let environment = ProcessInfo.processInfo.environment
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        return locale.lowercased().contains("utf-8") || locale.lowercased().contains("utf8")
    }
}
