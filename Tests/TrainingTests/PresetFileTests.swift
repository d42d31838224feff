import Agents
import Foundation
import Testing
@testable import Training

/// The preset file format (envs/README.md, "Presets"): sections of indented `key: value` lines, every key
/// checked against the algorithm and `HyperparameterSpec`, every mistake reported at its line and column.
@Suite("Preset files")
struct PresetFileTests {
    @Test("sections become presets with their values and time limit; comments and blank lines are skipped")
    func goodFile() throws {
        // Trailing blanks, a CRLF line end, a tab-indented comment and a file without a final line break.
        let text = [
            "# a comment", "cartpole:", "  gamma: 0.98", "  lr: 1e-3 \t ", "", "cliffwalking:\r",
            "\t# indented comment", "  time-limit: 150", "  eps-end: 0.02", "  steps: 30000",
        ].joined(separator: "\n")
        let presets = try PresetFile.parse(text, source: "dqn.txt", algorithm: .dqn)
        #expect(presets == [
            Preset(algorithm: .dqn, environment: "cartpole", values: [.gamma: 0.98, .learningRate: 1e-3], timeLimit: nil),
            Preset(algorithm: .dqn, environment: "cliffwalking", values: [.epsilonEnd: 0.02], timeLimit: 150,
                   steps: 30_000),
        ])
        #expect(presets[0].name == "dqn/cartpole")
        var expected = Hyperparameters(defaultsFor: .dqn)
        try expected.set(.gamma, to: 0.98)
        try expected.set(.learningRate, to: 1e-3)
        #expect(presets[0].hyperparameters == expected)
        #expect(try PresetFile.parse("", source: "x", algorithm: .vpg).isEmpty)
    }

    @Test("psi sets the pair's Ψ; the configuration starts from it, and only a different --psi is named")
    func psi() throws {
        let presets = try PresetFile.parse("maze:\n  psi: reward-to-go\n  steps: 1000\n", source: "reinforce.txt",
                                           algorithm: .reinforce)
        #expect(presets == [Preset(algorithm: .reinforce, environment: "maze", values: [:], timeLimit: nil,
                                   steps: 1_000, psi: .rewardToGo)])
        var configuration = try TrainingConfiguration(environment: EnvironmentSpec(name: "maze"), algorithm: .reinforce,
                                                      hyperparameters: [:], steps: 1_000, seed: 3)
        configuration.start(from: presets[0], algorithm: .reinforce)
        #expect(configuration.options.psi == .rewardToGo)
        let command = "rlterm train --env maze --algo reinforce --steps 1000 --seed 3"
        #expect(configuration.trainCommand(startingFrom: presets[0]) == command)
        #expect(configuration.trainCommand(startingFrom: nil) == command + " --psi reward-to-go")
        configuration.options.psi = .total
        #expect(configuration.trainCommand(startingFrom: presets[0]) == command + " --psi total")
        configuration.start(from: nil, algorithm: .reinforce)
        #expect(configuration.options.psi == nil)
        #expect(configuration.trainCommand(startingFrom: presets[0]) == command + " --psi total")
    }

    /// Each mistake, the algorithm it is read for, and the message after `file:`.
    static let mistakes: [(text: String, algorithm: Algorithm, message: String)] = [
        ("  gamma: 0.9\n", .dqn,
         "1:3: a setting before any environment line; start a section with a line such as 'cartpole:'"),
        ("cartpole:\n  gamma 0.9\n", .dqn, "2:3: expected 'environment:' at the start of a line, or an indented 'key: value'"),
        ("cartpole: 0.9\n", .dqn, "1:1: expected 'environment:' at the start of a line, or an indented 'key: value'"),
        ("cartpole:\n  gamma:\n", .dqn, "2:3: expected 'environment:' at the start of a line, or an indented 'key: value'"),
        ("cartpole:\n  gamma: 0.9\n\ncartpole:\n", .dqn, "4:1: environment 'cartpole' is given twice (first on line 1)"),
        ("maze:\n   gama: 0.9\n", .dqn, "2:4: unknown key 'gama'; known: "
            + (HyperparameterKey.allCases.map(\.rawValue) + ["time-limit", "steps", "psi"]).joined(separator: ", ")),
        ("maze:\n  lambda: 0.9\n", .dqn, "2:3: lambda is not a hyperparameter of dqn ('rlterm algos' lists its keys)"),
        ("maze:\n  gamma: 0.9\n  gamma: 0.8\n", .dqn, "3:3: 'gamma' is given twice in this section (first on line 2)"),
        ("maze:\n  gamma:  1.5\n", .dqn, "2:11: bad value '1.5' for gamma: expected a number in [0, 1]"),
        ("maze:\n  batch-size: 2.5\n", .dqn, "2:15: bad value '2.5' for batch-size: expected a whole number in [1, 65536]"),
        ("maze:\n  lr: fast\n", .dqn, "2:7: bad value 'fast' for lr: expected a number in (0, 1]"),
        ("maze:\n  time-limit: 0\n", .vpg, "2:15: bad value '0' for time-limit: expected a whole number in [1, 10000000]"),
        ("cartpole:\n  steps: 5e4\n", .dqn, "2:10: bad value '5e4' for steps: expected a whole number in [1, 1000000000]"),
        ("maze:\n  psi: reward-to-go\n", .dqn,
         "2:3: psi weights a policy gradient; dqn has none ('rlterm algos' lists its keys)"),
        ("maze:\n  psi: advantage\n", .reinforce,
         "2:8: bad value 'advantage' for psi: expected one of total|reward-to-go|baseline"),
        ("cartpole:\n  time-limit: 100\n", .vpg,
         "2:3: time-limit applies to gridworld maps; cartpole keeps its own episode limit"),
    ]

    @Test("every mistake is refused with file:line:col and what would do", arguments: 0..<mistakes.count)
    func mistake(_ index: Int) {
        let mistake = Self.mistakes[index]
        let error = #expect(throws: PresetError.self) {
            try PresetFile.parse(mistake.text, source: "p.txt", algorithm: mistake.algorithm)
        }
        #expect(error?.description == "p.txt:" + mistake.message)
    }

    @Test("a file in ./envs/presets/ overrides the built-in one, and its mistakes name its path")
    func localOverride() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rlterm-presets-\(UUID())")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("envs/presets"),
                                                withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("envs/presets/dqn.txt")
        try "maze:\n  gamma: 0.5\n".write(to: file, atomically: true, encoding: .utf8)
        let library = PresetLibrary(directory: directory.path)
        #expect(try library.preset(of: .dqn, on: "maze")?.values == [.gamma: 0.5])
        #expect(try library.preset(of: .dqn, on: "cartpole") == nil)
        #expect(try library.preset(of: .reinforce, on: "cliffwalking")?.timeLimit == 100_000)
        try "maze:\n  gamma: 5\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: PresetError(source: "envs/presets/dqn.txt", line: 2, column: 10,
                                    problem: .badValue(key: "gamma", value: "5", expected: "a number in [0, 1]"))) {
            try library.preset(of: .dqn, on: "maze")
        }
    }
}
