import Foundation
import Testing

/// The golden screens in `Fixtures/`, as lines of text. With `RLTERM_UPDATE_GOLDENS=1` in the environment a
/// golden is first rewritten in the source tree from what the test rendered, so one run regenerates them all
/// (Fixtures/README.md); the comparison that follows then passes, and `git diff` shows what changed.
enum GoldenFile {
    static let updateVariable = "RLTERM_UPDATE_GOLDENS"

    static var updating: Bool { ProcessInfo.processInfo.environment[updateVariable] == "1" }

    /// The lines of `Fixtures/<name>.txt`, after writing `actual` there when updating.
    static func lines(_ name: String, actual: [String]) throws -> [String] {
        if updating {
            let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("Fixtures").appendingPathComponent("\(name).txt")
            try actual.map { $0 + "\n" }.joined().write(to: source, atomically: true, encoding: .utf8)
            return actual
        }
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Fixtures"))
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast().map(String.init)
    }
}
