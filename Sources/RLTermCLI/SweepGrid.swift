import Experiments

/// The runs of a grid of settings: every combination of the environments, algorithms and `--set` values,
/// each with every seed (seeds vary fastest, so one setting's seeds are neighbours). Run i writes into
/// `<root>/<algo>_<env>[_key=value…]/seed=<n>`, so each setting's seeds share a folder (`rlterm plot`'s `dir`).
struct SweepGrid: Equatable, Sendable {
    /// One `--set KEY=V1,V2,…` axis.
    struct Axis: Equatable, Sendable {
        let key: String
        let values: [String]

        /// Parses `KEY=V1,V2,…`; values stay as written (validated later by `train`'s own parsing).
        init(parsing text: String) throws(CommandFailure) {
            let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let values = parts.count == 2 ? parts[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init) : []
            guard parts.count == 2, !parts[0].isEmpty, !values.isEmpty, !values.contains("") else {
                throw CommandFailure("--set takes KEY=V1,V2,… (e.g. --set lr=1e-3,3e-4), got '\(text)'", status: .usage)
            }
            key = String(parts[0])
            self.values = values
        }
    }

    let environments: [String]
    let algorithms: [String]
    let axes: [Axis]
    let seeds: [Int]
    let root: String
    /// Options given to every run after the grid's own (`--steps`, `--eval-every`, …).
    let common: [String]

    /// The seeds `--seeds` lists (`0-9`, `1,3,5`), any whole numbers ≥ 0.
    static func seeds(_ text: String) throws(CommandFailure) -> [Int] {
        do {
            return try IntegerList.parse(text, allowed: 0...Int.max)
        } catch {
            throw CommandFailure("--seeds \(text): \(error)", status: .usage)
        }
    }

    /// Every run, in array-index order.
    var runs: [SweepRun] {
        var settings: [[(key: String, value: String)]] = [[]]
        for axis in axes {
            settings = settings.flatMap { setting in axis.values.map { setting + [(axis.key, $0)] } }
        }
        var runs: [SweepRun] = []
        for environment in environments {
            for algorithm in algorithms {
                for setting in settings {
                    let folder = ([algorithm, Self.pathPart(environment)] + setting.map { "\($0.key)=\(Self.pathPart($0.value))" })
                        .joined(separator: "_")
                    for seed in seeds {
                        let directory = Self.join(root, folder) + "/seed=\(seed)"
                        let arguments = ["train", "--env", environment, "--algo", algorithm, "--seed", String(seed)]
                            + setting.flatMap { ["--set", "\($0.key)=\($0.value)"] } + common + ["--log-dir", directory]
                        runs.append(SweepRun(index: runs.count, directory: directory, arguments: arguments))
                    }
                }
            }
        }
        return runs
    }

    /// `text` as one path component: a map path's file name without its extension, and any character other
    /// than letters, digits and `.-+=` as `-`.
    static func pathPart(_ text: String) -> String {
        var name = Substring(text.split(separator: "/").last ?? Substring(text))
        if name.hasSuffix(".txt") { name = name.dropLast(4) }
        let safe = name.map { $0.isASCII && ($0.isLetter || $0.isNumber || ".-+=".contains($0)) ? $0 : "-" }
        return safe.isEmpty ? "-" : String(safe)
    }

    private static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
