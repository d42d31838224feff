/// How runs are split into groups: by the values of `keys` (`RunProperties` names). The default keys are
/// the settings that tell runs apart, taken in `displayOrder` (algorithm, environment, then by name): a key
/// joins when it has two values among the runs that have it and that agree on the keys taken before it, so a
/// value that follows from those (each algorithm's own default lr) adds nothing to the label, while one that
/// was swept does. The seed and other per-run keys (`RunProperties.perRunKeys`) never count. Runs without a
/// `run.json` (SB3's) are told apart by their folder (`dir`) when those folders differ or other runs have one,
/// so each program's folder of seeds is a group.
public struct RunGrouping: Sendable {
    public let keys: [String]
    /// Whether a run without a `run.json` adds `dir` to its label.
    public let separatesFolders: Bool

    public init(keys: [String], separatesFolders: Bool = false) {
        self.keys = keys
        self.separatesFolders = separatesFolders
    }

    /// The default grouping of `runs`.
    public static func differing(_ runs: [RunRecord]) -> RunGrouping {
        let candidates = Set(runs.flatMap(\.properties.keys))
            .subtracting(RunProperties.perRunKeys).subtracting([RunProperties.parentKey]).sorted(by: displayOrder)
        var keys: [String] = []
        for key in candidates {
            var values: [[String?]: Set<String>] = [:]
            for run in runs {
                guard let value = run.properties[key] else { continue }
                values[keys.map { run.properties[$0] }, default: []].insert(value)
            }
            if values.values.contains(where: { $0.count > 1 }) { keys.append(key) }
        }
        let folders = Set(runs.filter { !$0.isConfigured }.compactMap { $0.properties[RunProperties.parentKey] })
        let mixed = runs.contains(where: \.isConfigured) && !folders.isEmpty
        return RunGrouping(keys: keys, separatesFolders: folders.count > 1 || mixed)
    }

    /// Algorithm and environment first, then the rest by name.
    static func displayOrder(_ a: String, _ b: String) -> Bool {
        let first = ["algorithm", RunProperties.environmentKey]
        let (rankA, rankB) = (first.firstIndex(of: a) ?? first.count, first.firstIndex(of: b) ?? first.count)
        return rankA != rankB ? rankA < rankB : a < b
    }

    /// A run's label: its values of the keys, `algo` and `env` bare, others as `key=value` (keys the run lacks
    /// left out), then `dir=…` for a run without `run.json` when folders separate (and then the algorithm for an
    /// rlterm run with no other part); `all runs` when empty.
    public func label(of run: RunRecord) -> String {
        var parts = keys.compactMap { key in
            run.properties[key].map { RunProperties.aliases.values.contains(key) ? $0 : "\(RunProperties.shortName(key))=\($0)" }
        }
        let folder = run.properties[RunProperties.parentKey].map { "\(RunProperties.parentKey)=\($0)" }
        if separatesFolders, !run.isConfigured, let folder { parts.append(folder) }
        // Beside folders of SB3 runs, a run with nothing to tell it from the other rlterm runs is named by its algorithm.
        if separatesFolders, parts.isEmpty, let name = run.properties["algorithm"] ?? folder { parts.append(name) }
        return parts.isEmpty ? "all runs" : parts.joined(separator: " ")
    }

    /// The groups of `runs` with their curves (trailing means over `window` episodes), groups in the order
    /// their first run was found; runs without a finished episode are left out by the caller.
    public func groups(_ runs: [RunRecord], window: Int) -> [RunGroup] {
        var order: [String] = []
        var members: [String: [RunRecord]] = [:]
        for run in runs {
            let label = label(of: run)
            if members[label] == nil { order.append(label) }
            members[label, default: []].append(run)
        }
        return order.map { label in
            let runs = members[label] ?? []
            var environments: [String] = []
            var strata: [String: [LearningCurve]] = [:]
            for run in runs {
                let environment = run.properties[RunProperties.environmentKey] ?? ""
                if strata[environment] == nil { environments.append(environment) }
                strata[environment, default: []].append(LearningCurve(run.episodes, window: window))
            }
            return RunGroup(label: label, directories: runs.map(\.directory), strata: environments.map { strata[$0] ?? [] })
        }
    }
}
