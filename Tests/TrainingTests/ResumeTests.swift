import Agents
import Foundation
import NeuralNet
import Testing
@testable import Training

@Suite("Resuming a run")
struct ResumeTests {
    /// A finished 600-step DQN run on CartPole in a new directory.
    static func finishedRun() throws -> String {
        let directory = RunLogTests.temporaryDirectory()
        let configuration = RunLogTests.configuration(steps: 600)
        _ = try Trainer(configuration).run(log: try RunLog(directory: directory, configuration: configuration, startTime: 1e9),
                                           progressInterval: 200)
        return directory
    }

    static func rows(_ path: String) throws -> [[Substring]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    }

    @Test("a resumed run continues timesteps, episodes and training time, appends to every CSV and saves its new total")
    func continues() throws {
        let directory = try Self.finishedRun()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let monitorBefore = try Self.rows(directory + "/monitor.csv")
        let point = try ResumePoint.read(directory: directory)
        #expect(point.timesteps == 600)
        #expect(point.episodes == monitorBefore.count - 2)
        #expect(point.startTime == 1e9)
        #expect(point.trainSeconds > 0 && point.gradientSteps > 0)
        #expect(point.bestEvaluation != nil)

        let trainer = try Trainer(resuming: point, steps: 1200)
        // The networks are the saved ones, before any further training.
        let saved = try AgentCheckpoint.load(from: directory + "/model.safetensors").agent
        let state: [Float] = [0.01, -0.2, 0.03, 0.1]
        #expect(trainer.agent.qValues(for: state) == saved.qValues(for: state))
        let summary = try trainer.run(log: try RunLog(resuming: point, configuration: trainer.configuration), progressInterval: 200)
        #expect(summary.steps == 1200)
        #expect(summary.trainSeconds > point.trainSeconds)

        let progress = try Self.rows(directory + "/progress.csv")
        #expect(progress.first?.joined(separator: ",") == ProgressFormat.columns.joined(separator: ","))
        #expect(progress.dropFirst().map { Int($0[0]) } == [200, 400, 600, 800, 1000, 1200])
        let episodes = progress.dropFirst().map { Int($0[1])! }
        let seconds = progress.dropFirst().map { Double($0[5])! }
        #expect(episodes == episodes.sorted() && seconds == seconds.sorted())
        #expect(episodes.last == point.episodes + summary.episodes.count)

        let monitor = try Self.rows(directory + "/monitor.csv")
        #expect(monitor.count == monitorBefore.count + summary.episodes.count)
        #expect(Array(monitor.prefix(monitorBefore.count)) == monitorBefore)
        #expect(monitor.filter { $0.first?.hasPrefix("#") == true }.count == 1)
        let times = monitor.dropFirst(2).map { Double($0[2])! }
        #expect(times == times.sorted())

        let evaluations = try Self.rows(directory + "/evaluations.csv")
        #expect(evaluations.dropFirst().map { Int($0[0]) } == [300, 600, 900, 1200])
        let resumed = try AgentCheckpoint.load(from: directory + "/model.safetensors")
        #expect(resumed.metadata["timesteps"] == "1200")
        let run = try JSONDecoder().decode(TrainingConfiguration.self, from: Data(contentsOf: URL(fileURLWithPath: directory + "/run.json")))
        #expect(run.steps == 1200 && run == trainer.configuration)
        // The run's own budget is now spent.
        #expect(throws: ResumeError.self) { try Trainer(resuming: try ResumePoint.read(directory: directory)) }
    }

    /// Every weight and bias of a Q-function's network, an MLP in these tests, layer by layer.
    static func parameters(_ network: any FeedForwardNetwork) -> [Float] {
        parameters(network as! MLP)
    }

    /// Every weight and bias of `network`, layer by layer.
    static func parameters(_ network: MLP) -> [Float] {
        (0..<network.layerCount).flatMap { layer in
            (0..<network.sizes[layer + 1]).flatMap { output in
                (0..<network.sizes[layer]).map { network.weight(layer: layer, output: output, input: $0) }
                    + [network.bias(layer: layer, output: output)]
            }
        }
    }

    @Test("the resumed agent has the finished run's Adam moments, step count and target network")
    func optimizerState() throws {
        let directory = RunLogTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let configuration = RunLogTests.configuration(steps: 600)
        let trainer = try Trainer(configuration)
        _ = try trainer.run(log: try RunLog(directory: directory, configuration: configuration, startTime: 0))
        let original = try #require(trainer.agent as? DQNAgent).qFunction
        let resumed = try #require(try Trainer(resuming: try ResumePoint.read(directory: directory), steps: 700).agent as? DQNAgent)
            .qFunction
        let originalAdam = try #require(original.statefulOptimizer as? Adam), resumedAdam = try #require(resumed.statefulOptimizer as? Adam)
        #expect(originalAdam.stepCount > 0 && resumedAdam.stepCount == originalAdam.stepCount)
        let (originalM, originalV) = originalAdam.momentNetworks()
        let (resumedM, resumedV) = resumedAdam.momentNetworks()
        #expect(Self.parameters(resumedM) == Self.parameters(originalM) && Self.parameters(resumedV) == Self.parameters(originalV))
        let originalTarget = try #require(original.target), resumedTarget = try #require(resumed.target)
        #expect(Self.parameters(resumedTarget) == Self.parameters(originalTarget))
        #expect(Self.parameters(originalTarget) != Self.parameters(original.network))

        // Without run checkpoints and the state file (a run from before either existed) the resume still works, with
        // a fresh optimizer.
        try FileManager.default.removeItem(atPath: RunCheckpoint.directory(of: directory))
        try FileManager.default.removeItem(atPath: directory + "/training-state.safetensors")
        let fallback = try #require(try Trainer(resuming: try ResumePoint.read(directory: directory), steps: 700).agent as? DQNAgent)
        #expect(fallback.qFunction.statefulOptimizer?.stepCount == 0)
        #expect(Self.parameters(try #require(fallback.qFunction.target)) == Self.parameters(fallback.qFunction.network))
    }

    @Test("resuming the same point twice gives the same episodes")
    func deterministic() throws {
        func resumedEpisodes() throws -> [EpisodeRecord] {
            let directory = try Self.finishedRun()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            return try Trainer(resuming: try ResumePoint.read(directory: directory), steps: 900).run().episodes
        }
        let first = try resumedEpisodes().map { [$0.reward, Double($0.length)] }
        #expect(!first.isEmpty)
        #expect(try resumedEpisodes().map { [$0.reward, Double($0.length)] } == first)
    }

    @Test("a missing directory or model is 'missing', a broken file 'invalid', a spent budget 'finished'")
    func failures() throws {
        func read(_ directory: String) -> ResumeError? {
            do {
                _ = try Trainer(resuming: try ResumePoint.read(directory: directory))
                return nil
            } catch {
                return error
            }
        }
        func isMissing(_ error: ResumeError?) -> Bool { if case .missing = error { true } else { false } }
        func isInvalid(_ error: ResumeError?) -> Bool { if case .invalid = error { true } else { false } }

        #expect(isMissing(read("/nonexistent/rlterm-run")))
        let directory = try Self.finishedRun()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        if case .finished(let timesteps, let steps) = read(directory) {
            #expect(timesteps == 600 && steps == 600)
        } else {
            Issue.record("a run at its budget must refuse to resume without a larger --steps")
        }

        // The files an older rlterm's directory (no run checkpoints) is resumed from are checked as before.
        try FileManager.default.removeItem(atPath: RunCheckpoint.directory(of: directory))

        let monitor = directory + "/monitor.csv"
        let monitorText = try String(contentsOfFile: monitor, encoding: .utf8)
        try (monitorText + "oops\n").write(toFile: monitor, atomically: true, encoding: .utf8)
        let error = read(directory)
        #expect(isInvalid(error))
        #expect(error?.description.contains("monitor.csv:\(monitorText.split(separator: "\n").count + 1)") == true)
        try monitorText.write(toFile: monitor, atomically: true, encoding: .utf8)

        try FileManager.default.removeItem(atPath: directory + "/model.safetensors")
        #expect(isMissing(read(directory)))
        try "{".write(toFile: directory + "/run.json", atomically: true, encoding: .utf8)
        #expect(isInvalid(read(directory)))
    }
}
