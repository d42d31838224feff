import Foundation
import Training

/// One training run as `rlterm plot` reads it from its directory: every Monitor file there (SB3 writes one
/// per environment copy) merged into one episode sequence, and the run's properties from its `run.json`.
public struct RunRecord: Sendable {
    public let directory: String
    /// Flattened `run.json` (`RunProperties`), plus `dir`, the parent directory, and — for runs without a
    /// `run.json` — `environment.name` from the Monitor header's `env_id`.
    public let properties: [String: String]
    /// Episodes in the order they ended.
    public let episodes: [EpisodeRecord]
    /// Lines left out without refusing the run.
    public let warnings: [String]
    /// Whether the run has a `run.json` (SB3's runs have none).
    public let isConfigured: Bool

    public init(directory: String, properties: [String: String], episodes: [EpisodeRecord], warnings: [String] = [],
                isConfigured: Bool = true) {
        self.directory = directory
        self.properties = properties
        self.episodes = episodes
        self.warnings = warnings
        self.isConfigured = isConfigured
    }

    /// Whether `name` is a Monitor file's name: `monitor.csv` or SB3's `<prefix>.monitor.csv`.
    public static func isMonitorFile(_ name: String) -> Bool {
        name == "monitor.csv" || name.hasSuffix(".monitor.csv")
    }

    /// Reads the run in `directory` from its Monitor files (`monitorFiles`, names inside it) and its `run.json`
    /// if it has one. Several Monitor files are merged as SB3's `load_results` merges them: episodes ordered
    /// by when they ended (`t_start + t`), times counted from the earliest `t_start`.
    public static func read(directory: String, monitorFiles: [String]) throws(RunReadError) -> RunRecord {
        var files: [MonitorFile] = []
        for name in monitorFiles.sorted() {
            files.append(try MonitorFile.read(path: join(directory, name)))
        }
        let runPath = join(directory, "run.json")
        var properties: [String: String] = [:]
        if let data = FileManager.default.contents(atPath: runPath) {
            properties = try RunProperties.parse(data, path: runPath)
        } else if let environment = files.compactMap(\.environmentID).first {
            properties[RunProperties.environmentKey] = environment
        }
        properties[RunProperties.parentKey] = parent(of: directory)
        let origin = files.map(\.startTime).min() ?? 0
        let episodes = files.flatMap { file in
            file.episodes.map { EpisodeRecord(reward: $0.reward, length: $0.length, time: $0.time + file.startTime - origin) }
        }
        // A stable sort keeps one file's episodes in their own order when their times tie (t is rounded to µs).
        let ordered = files.count == 1 ? episodes
            : episodes.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }.map(\.element)
        return RunRecord(directory: directory, properties: properties, episodes: ordered, warnings: files.flatMap(\.warnings),
                         isConfigured: FileManager.default.fileExists(atPath: runPath))
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// The directory above `directory` as written (`runs/dqn` for `runs/dqn/seed=1`), `.` for a bare name.
    static func parent(of directory: String) -> String {
        var trimmed = Substring(directory)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }
}
