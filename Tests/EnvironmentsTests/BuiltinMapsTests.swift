import Foundation
import Testing
@testable import Environments

/// `BuiltinMaps.swift` is generated from envs/*.txt; this suite keeps the two identical and regenerates the
/// Swift file on request.
@Suite("Built-in maps")
struct BuiltinMapsTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let envs = repository.appendingPathComponent("envs")
    static let swiftFile = repository.appendingPathComponent("Sources/Environments/Gridworld/BuiltinMaps.swift")
    static let regenerateHint =
        "envs/ and Sources/Environments/Gridworld/BuiltinMaps.swift differ: regenerate the Swift file with "
        + "RLTERM_REGENERATE_MAPS=1 swift test --filter BuiltinMaps, then build again"

    /// (name, text) of every envs/*.txt, sorted by name.
    static func mapFiles() throws -> [(name: String, text: String)] {
        try FileManager.default.contentsOfDirectory(atPath: envs.path).filter { $0.hasSuffix(".txt") }.sorted()
            .map { file in
                (String(file.dropLast(4)), try String(contentsOf: envs.appendingPathComponent(file), encoding: .utf8))
            }
    }

    /// The Swift source embedding `maps`, each text as a raw multi-line literal.
    static func swiftSource(for maps: [(name: String, text: String)]) -> String {
        var source = """
            // Generated from envs/*.txt by Tests/EnvironmentsTests/BuiltinMapsTests.swift; do not edit by hand.
            // After changing envs/, run: RLTERM_REGENERATE_MAPS=1 swift test --filter BuiltinMaps

            /// The maps shipped in envs/, compiled in so that `--env NAME` works from any directory.
            public enum BuiltinMaps {
                /// (name, file text) of each envs/NAME.txt, sorted by name.
                public static let all: [(name: String, text: String)] = [

            """
        for map in maps {
            var hashes = "#"
            while map.text.contains("\"\"\"" + hashes) || map.text.contains("\\" + hashes) { hashes += "#" }
            source += "        (\n            \"\(map.name)\",\n            \(hashes)\"\"\"\n"
            source += map.text + "\n\"\"\"\(hashes)\n        ),\n"
        }
        return source + "    ]\n}\n"
    }

    @Test("the maps compiled into the binary are exactly the files in envs/")
    func embeddedCopyMatchesFiles() throws {
        let files = try Self.mapFiles()
        if ProcessInfo.processInfo.environment["RLTERM_REGENERATE_MAPS"] == "1" {
            // A tool mode, not a check: the compiled copy is stale until the next build.
            try Self.swiftSource(for: files).write(to: Self.swiftFile, atomically: true, encoding: .utf8)
            return
        }
        #expect(BuiltinMaps.all.map(\.name) == files.map(\.name), Comment(rawValue: Self.regenerateHint))
        #expect(BuiltinMaps.all.map(\.text) == files.map(\.text), Comment(rawValue: Self.regenerateHint))
        let onDisk = try String(contentsOf: Self.swiftFile, encoding: .utf8)
        #expect(onDisk == Self.swiftSource(for: files), Comment(rawValue: Self.regenerateHint))
    }

    @Test("every shipped map parses, and the expected five are there")
    func shippedMapsParse() throws {
        #expect(BuiltinMaps.all.map(\.name) == ["cliffwalking", "fourrooms", "frozenlake4x4", "frozenlake8x8", "maze"])
        for map in BuiltinMaps.all {
            let parsed = try GridMap.parse(map.text, source: "envs/\(map.name).txt")
            #expect(parsed.rows >= 4 && parsed.cols >= 4)
        }
    }

    @Test("frozenlake4x4 is plain letters with FrozenLake-v1's defaults; cliffwalking has CliffWalking-v1's")
    func shippedSettings() throws {
        let lake = try MapLocator(directory: "/nonexistent").load("frozenlake4x4")
        #expect(lake.settings == GridSettings())
        #expect(lake.settings.maxSteps == 100 && lake.settings.goalReward == 1 && lake.settings.stepReward == 0)
        let cliff = try MapLocator(directory: "/nonexistent").load("cliffwalking")
        #expect(cliff.rows == 4 && cliff.cols == 12 && cliff.start == 36)
        #expect(cliff.settings.stepReward == -1 && cliff.settings.goalReward == -1)
        #expect(cliff.settings.cliffReward == -100 && cliff.settings.maxSteps == nil && !cliff.settings.slippery)
        let big = try MapLocator(directory: "/nonexistent").load("frozenlake8x8")
        #expect(big.rows == 8 && big.settings.maxSteps == 200 && big.cells.filter { $0 == .hole }.count == 10)
    }
}
