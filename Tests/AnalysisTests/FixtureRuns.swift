import Foundation

/// The fixture files, and scratch directories for runs a test writes itself.
enum FixtureRuns {
    static var sb3: String {
        Bundle.module.url(forResource: "sb3", withExtension: nil, subdirectory: "Fixtures")!.path
    }

    /// A fresh directory under the temporary directory, with `files` (relative path → contents) written into it.
    static func directory(_ files: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rlterm-analysis-\(UUID().uuidString)").path
        for (path, text) in files {
            let url = URL(fileURLWithPath: root).appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        return root
    }

    /// A Monitor file of episodes given as (r, l, t).
    static func monitor(_ episodes: [(Double, Int, Double)], environment: String = "cartpole", start: Double = 1000) -> String {
        "#{\"t_start\": \(start), \"env_id\": \"\(environment)\"}\nr,l,t\n" + episodes.map { "\($0.0),\($0.1),\($0.2)\n" }.joined()
    }
}
