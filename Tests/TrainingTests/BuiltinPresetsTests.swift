import Agents
import Foundation
import Testing
@testable import Training

/// `BuiltinPresets.swift` is generated from envs/presets/*.txt; this suite keeps the two identical and
/// regenerates the Swift file on request (with the maps, under `RLTERM_REGENERATE_MAPS=1`).
@Suite("Built-in presets")
struct BuiltinPresetsTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let presets = repository.appendingPathComponent("envs/presets")
    static let swiftFile = repository.appendingPathComponent("Sources/Training/Presets/BuiltinPresets.swift")
    static let regenerateHint =
        "envs/presets/ and Sources/Training/Presets/BuiltinPresets.swift differ: regenerate the Swift file with "
        + "RLTERM_REGENERATE_MAPS=1 swift test --filter BuiltinPresets, then build again"

    /// (algorithm name, text) of every envs/presets/*.txt, sorted by name.
    static func presetFiles() throws -> [(name: String, text: String)] {
        try FileManager.default.contentsOfDirectory(atPath: presets.path).filter { $0.hasSuffix(".txt") }.sorted()
            .map { file in
                (String(file.dropLast(4)), try String(contentsOf: presets.appendingPathComponent(file), encoding: .utf8))
            }
    }

    /// The Swift source embedding `files`, each text as a raw multi-line literal.
    static func swiftSource(for files: [(name: String, text: String)]) -> String {
        var source = """
            // Generated from envs/presets/*.txt by Tests/TrainingTests/BuiltinPresetsTests.swift; do not edit by hand.
            // After changing envs/presets/, run: RLTERM_REGENERATE_MAPS=1 swift test --filter BuiltinPresets

            /// The presets shipped in envs/presets/, compiled in so that every command finds them from any directory.
            public enum BuiltinPresets {
                /// (algorithm name, file text) of each envs/presets/ALGORITHM.txt, sorted by name.
                public static let all: [(name: String, text: String)] = [

            """
        for file in files {
            var hashes = "#"
            while file.text.contains("\"\"\"" + hashes) || file.text.contains("\\" + hashes) { hashes += "#" }
            source += "        (\n            \"\(file.name)\",\n            \(hashes)\"\"\"\n"
            source += file.text + "\n\"\"\"\(hashes)\n        ),\n"
        }
        return source + "    ]\n}\n"
    }

    @Test("the presets compiled into the binary are exactly the files in envs/presets/")
    func embeddedCopyMatchesFiles() throws {
        let files = try Self.presetFiles()
        if ProcessInfo.processInfo.environment["RLTERM_REGENERATE_MAPS"] == "1" {
            // A tool mode, not a check: the compiled copy is stale until the next build.
            try Self.swiftSource(for: files).write(to: Self.swiftFile, atomically: true, encoding: .utf8)
            return
        }
        #expect(BuiltinPresets.all.map(\.name) == files.map(\.name), Comment(rawValue: Self.regenerateHint))
        #expect(BuiltinPresets.all.map(\.text) == files.map(\.text), Comment(rawValue: Self.regenerateHint))
        let onDisk = try String(contentsOf: Self.swiftFile, encoding: .utf8)
        #expect(onDisk == Self.swiftSource(for: files), Comment(rawValue: Self.regenerateHint))
    }

    @Test("every shipped file is named after an algorithm and parses for it")
    func shippedPresetsParse() throws {
        #expect(Set(BuiltinPresets.all.map(\.name)) == Set(AlgorithmRegistry.all.map(\.name)))
        let library = PresetLibrary(directory: "/nonexistent")
        for algorithm in AlgorithmRegistry.all {
            #expect(try !library.presets(of: algorithm).isEmpty, "\(algorithm.name)")
        }
    }

    @Test("the shipped presets keep the tuned settings: DQN's defaults but K on CartPole, γ 0.9 on the maps, budgets")
    func shippedValues() throws {
        let library = PresetLibrary(directory: "/nonexistent")
        let cartPole = try #require(try library.preset(of: .dqn, on: "cartpole"))
        var expected = Hyperparameters(defaultsFor: .dqn)
        try expected.set(.targetPeriod, to: 250)
        #expect(cartPole.hyperparameters == expected && cartPole.timeLimit == nil && cartPole.steps == 50_000)
        let cliff = try #require(try library.preset(of: .dqn, on: "cliffwalking"))
        #expect(cliff.values == [.gamma: 0.9, .epsilonStart: 0.5, .epsilonEnd: 0.02, .explorationFraction: 0.5,
                                 .learningStarts: 500, .targetPeriod: 100])
        let reinforce = try #require(try library.preset(of: .reinforce, on: "cliffwalking"))
        #expect(reinforce.timeLimit == 100_000 && reinforce.psi == .rewardToGo && reinforce.values[.gamma] == 1
            && reinforce.values[.hiddenLayers] == 0)
        // VPG's batches cut episodes and bootstrap there, so it needs no time limit on the cliff.
        let vpg = try #require(try library.preset(of: .vpg, on: "cliffwalking"))
        #expect(vpg.timeLimit == nil && vpg.values[.hiddenLayers] == 0 && vpg.steps == 300_000)
        #expect(try library.preset(of: .dqn, on: "frozenlake8x8") == nil)
    }
}
