import Agents
import Environments
import Foundation
import NeuralNet
import RLCore
import Testing
@testable import Training

/// A run checkpoint damaged anywhere is refused with the file and the part named, before anything is restored.
@Suite("Damaged run checkpoints are refused, naming the part")
struct RunCheckpointDamageTests {
    static let configuration = RunCheckpointExactnessTests.configuration(
        .dqn, RunCheckpointExactnessTests.dqn, options: AgentOptions(replay: .prioritized), steps: 400)

    /// The bytes of the run checkpoint a 400-step run writes at its end.
    static func checkpointBytes() throws -> [UInt8] {
        let directory = RunLogTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try Trainer(configuration).run(log: try RunLog(directory: directory, configuration: configuration, startTime: 1e9))
        return Array(try Data(contentsOf: URL(fileURLWithPath: RunCheckpoint.path(in: directory, step: 400))))
    }

    static func restore(_ state: RunStateFile.Contents) throws(ResumeError) {
        var longer = configuration
        longer.steps = 800
        _ = try Trainer(restoring: state, configuration: longer, resumePoint: nil)
    }

    @Test("the intact checkpoint restores; cut short anywhere it is refused as a file")
    func truncated() throws {
        let bytes = try Self.checkpointBytes()
        try Self.restore(try RunStateFile.read(bytes: bytes, path: "run.safetensors"))
        for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) {
            #expect(throws: CheckpointError.self) { try RunStateFile.read(bytes: Array(bytes[..<cut]), path: "run.safetensors") }
        }
    }

    @Test("an array missing, of another length or type, non-finite or out of range is refused with its part and key",
          arguments: [
              ("agent", "memory.storage.rewards", "part 'agent': array 'memory.storage.rewards'"),
              ("agent", "q.network", "part 'agent': array 'q.network'"),
              ("agent", "q.adam.exp_avg_sq", "part 'agent': array 'q.adam.exp_avg_sq'"),
              ("agent", "memory.priorities", "part 'agent': array 'memory.priorities'"),
              ("agent", "exploration.generator", "part 'agent': array 'exploration.generator'"),
              ("environments", "copy.0.state", "part 'environments': array 'copy.0.state'"),
              ("environments", "copy.0.random.stream", "part 'environments': array 'copy.0.random.stream'"),
              ("evaluation", "environment.elapsed_steps", "part 'evaluation': array 'environment.elapsed_steps'"),
              ("trainer", "recent_returns", "part 'trainer': array 'recent_returns'"),
          ])
    func damagedArray(part: String, key: String, message: String) throws {
        let state = try RunStateFile.read(bytes: try Self.checkpointBytes(), path: "run.safetensors")
        let original = state.parts[part]!.arrays[key]!
        // Another type, another length, and for floats a value that is not finite.
        var damaged: [StatePart.Values] = [original.dtype == "F32" ? .byte([7, 7]) : .float([1])]
        switch original {
        case .float(let values): damaged += [.float(Array(values.dropLast())), .float([.nan] + values.dropFirst())]
        case .double(let values): damaged += [.double(Array(values.dropLast()))]
        case .integer(let values): damaged += [.integer(Array(values.dropLast()))]
        case .byte(let values): damaged += [.byte(Array(values.dropLast()))]
        }
        for values in damaged + [nil] {
            var parts = state.parts
            var changed = parts[part]!
            if let values { changed.set(key, values) } else { changed = StatePart(arrays: changed.arrays.filter { $0.key != key }) }
            parts[part] = changed
            let contents = RunStateFile.Contents(path: "run.safetensors", metadata: state.metadata, parts: parts,
                                                 versions: state.versions)
            #expect(throws: ResumeError.self) { try Self.restore(contents) }
            do {
                try Self.restore(contents)
            } catch {
                #expect(error.description.hasPrefix("run.safetensors: " + message), "\(error.description)")
            }
        }
    }

    @Test("a part missing or of a newer version is refused, naming it")
    func missingPart() throws {
        let state = try RunStateFile.read(bytes: try Self.checkpointBytes(), path: "run.safetensors")
        for name in ["agent", "environments", "evaluation", "trainer"] {
            var versions = state.versions
            versions[name] = 2
            for contents in [
                RunStateFile.Contents(path: "run.safetensors", metadata: state.metadata,
                                      parts: state.parts.filter { $0.key != name }, versions: state.versions),
                RunStateFile.Contents(path: "run.safetensors", metadata: state.metadata, parts: state.parts, versions: versions),
            ] {
                do {
                    try Self.restore(contents)
                    Issue.record("a checkpoint without a usable '\(name)' was restored")
                } catch {
                    #expect(error.description.contains("part '\(name)'"), "\(error.description)")
                }
            }
        }
    }

    @Test("random byte flips in the data never crash: each restores or is refused")
    func flippedBytes() throws {
        let bytes = try Self.checkpointBytes()
        var generator = Xoshiro256StarStar(seed: 3)
        for _ in 0..<200 {
            var damaged = bytes
            damaged[generator.uniformInt(below: damaged.count)] ^= UInt8(1 + generator.uniformInt(below: 255))
            guard let state = try? RunStateFile.read(bytes: damaged, path: "run.safetensors") else { continue }
            _ = try? Self.restore(state)
        }
    }
}

extension RunCheckpointDamageTests {
    /// The step the fuzzer's seed checkpoints are taken at: mid-episode and, for the policy-gradient methods, mid-batch,
    /// with a replay memory partly filled, so each seed holds every kind of part a run writes, and small enough to keep
    /// a seed within the fuzzer's input limit.
    static let fuzzSeedStep = 150

    /// The seeds of the `runstate` fuzz target: the run checkpoint each configuration of the exactness tests writes
    /// at `fuzzSeedStep`, by case name. The MinAtar games are left out: an observation of 400 floats makes their
    /// memories too large for the fuzzer's inputs, and their restore is checked by the exactness tests.
    static func fuzzSeeds() throws -> [String: [UInt8]] {
        var seeds: [String: [UInt8]] = [:]
        for testCase in RunCheckpointExactnessTests.cases where !testCase.name.contains("minatar") {
            var configuration = testCase.configuration
            configuration.steps = fuzzSeedStep
            let directory = RunLogTests.temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            _ = try Trainer(configuration).run(log: try RunLog(directory: directory, configuration: configuration,
                                                               startTime: 1e9))
            let name = testCase.name.replacingOccurrences(of: "--", with: "").split(separator: " ").joined(separator: "-")
            seeds[name] = Array(try Data(contentsOf: URL(fileURLWithPath: RunCheckpoint.path(in: directory, step: fuzzSeedStep))))
        }
        return seeds
    }

    @Test("the run-state fuzzer's seeds restore and fit its input limit; RLTERM_WRITE_RUNSTATE_SEEDS=DIR writes them")
    func fuzzSeedCheckpoints() throws {
        let seeds = try Self.fuzzSeeds()
        #expect(seeds.count == RunCheckpointExactnessTests.cases.filter { !$0.name.contains("minatar") }.count)
        for (name, bytes) in seeds {
            // As the harness does: the configuration from the metadata alone, with a budget past the step.
            let state = try RunStateFile.read(bytes: bytes, path: name)
            let recipe = try AgentCheckpoint.Recipe(metadata: state.metadata, path: name)
            // The harness builds only environments that read no file.
            #expect((EnvironmentRegistry.fixedNames + BuiltinMaps.all.map(\.name)).contains(recipe.environment.name), "\(name)")
            let configuration = TrainingConfiguration(environment: recipe.environment, hyperparameters: recipe.hyperparameters,
                                                      options: recipe.options, steps: 1 << 62, seed: 1, evaluationEpisodes: 2)
            let trainer = try Trainer(restoring: state, configuration: configuration, resumePoint: nil)
            #expect(trainer.timesteps == Self.fuzzSeedStep, "\(name)")
            #expect(bytes.count <= 131_072, "\(name) is \(bytes.count) bytes, over Tests/fuzz/run.sh's max_len")
        }
        guard let directory = ProcessInfo.processInfo.environment["RLTERM_WRITE_RUNSTATE_SEEDS"] else { return }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for (name, bytes) in seeds {
            try Data(bytes).write(to: URL(fileURLWithPath: directory).appendingPathComponent(name + ".safetensors"))
        }
    }
}
