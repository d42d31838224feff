import Agents
import Environments
import Foundation
import RLCore
import Testing
@testable import Training

/// A student's tour of the live view, driven through the session API: from the default screen, every
/// environment × algorithm pair with a target is reached by a switch and trains from its preset, and its greedy
/// policy reaches the pair's threshold (`docs/RESULTS.md`, "Presets") within the preset's budget, at the seeds
/// the session gives its agents.
@Suite("Switch tour: every pair from its preset", .enabled(if: isOptimizedBuild, "learning tests run in release builds"))
struct SwitchTourTests {
    /// A stop of the tour: the switch to make, and whether the pair's preset is expected to reach its threshold.
    /// Online Q-iteration is not, since the notes say its plain step need not converge, except on frozenlake4x4
    /// (10 of 10 seeds in RESULTS' table; 8, 3 and 0 of 10 on the cliff, the maze and the four rooms).
    struct Stop: CustomStringConvertible {
        let environment: String
        let algorithm: Algorithm
        let reaches: Bool
        /// Steps between greedy evaluations, at least; a budget of millions of steps is evaluated every
        /// hundredth of it, since an untrained greedy policy can walk in circles until the evaluation's limit.
        let evaluationInterval: Int
        var description: String { "\(algorithm.name) on \(environment)" }
    }

    static let tour: [Stop] = {
        let cartPole: [Algorithm] = [.dqn, .vpg, .ac, .onlineAC, .reinforce]
        let maps: [Algorithm] = [.dqn, .fqi, .onlineQ, .ac, .onlineAC, .vpg, .reinforce]
        let shortfalls: Set<String> = [
            "online-q on cliffwalking", "online-q on fourrooms", "online-q on maze",
        ]
        let acrobot: [Algorithm] = [.dqn, .fqi, .vpg, .ac, .onlineAC, .reinforce]
        var stops = cartPole.map { Stop(environment: "cartpole", algorithm: $0, reaches: true, evaluationInterval: 5_000) }
        stops += acrobot.map { Stop(environment: "acrobot", algorithm: $0, reaches: true, evaluationInterval: 5_000) }
        for environment in ["cliffwalking", "frozenlake4x4", "fourrooms", "maze"] {
            for algorithm in maps {
                let name = "\(algorithm.name) on \(environment)"
                stops.append(Stop(environment: environment, algorithm: algorithm, reaches: !shortfalls.contains(name),
                                  evaluationInterval: 2_500))
            }
        }
        return stops
    }()

    /// Environments whose episodes start at random: their greedy policy is scored over 10 episodes, as in
    /// `benchmarks/presets.sh`; the maps' single greedy episode is always the same one.
    static let randomStarts: Set<String> = ["cartpole", "acrobot"]

    /// Steps a stop that is not expected to reach its threshold trains before the tour moves on.
    static let shortfallSteps = 20_000

    @Test("every pair trains from its preset and reaches its threshold; no episode outlasts its time limit")
    func tour() throws {
        let directory = RunLogTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let start = try TrainingConfiguration(environment: EnvironmentSpec(name: "cliffwalking"), algorithm: .dqn,
                                              hyperparameters: [:], steps: 30_000, seed: 0)
        let worker = try SessionWorker(configuration: start, log: try RunLog(directory: directory, configuration: start,
                                                                             startTime: 0),
                                       settings: SessionSettings(returnCapacity: 100_000))
        let presets = PresetLibrary()
        var missed: [String] = []
        /// Where each stop's episodes begin in the session's monitor.csv, and their time limit.
        var limits: [(stop: Stop, firstEpisode: Int, timeLimit: Int?)] = []
        for stop in Self.tour {
            if worker.trainer.configuration.environment.name != stop.environment {
                worker.apply(.switchEnvironment(EnvironmentSpec(name: stop.environment)))
            }
            if worker.trainer.configuration.algorithm != stop.algorithm {
                worker.apply(.switchAlgorithm(stop.algorithm))
            }
            let configuration = worker.trainer.configuration
            #expect(configuration.algorithm == stop.algorithm && configuration.environment.name == stop.environment)
            let preset = try #require(try presets.preset(of: stop.algorithm, on: stop.environment), "\(stop)")
            #expect(configuration.hyperparameters == preset.hyperparameters && configuration.steps == preset.steps,
                    "\(stop) starts from its preset")
            var evaluation = try configuration.environment.make(generator: RunSeed(99).generator(for: "tour"))
            let threshold = try #require(EnvironmentSpec.solvedThreshold(of: evaluation))
            limits.append((stop, worker.trainer.counters.episodes, evaluation.described?.timeLimit))
            let budget = stop.reaches ? configuration.steps : min(configuration.steps, Self.shortfallSteps)
            let evaluationInterval = max(stop.evaluationInterval, configuration.steps / 100)
            var reached = false
            for step in 1...budget {
                worker.stepOnce()
                if let failure = worker.failure {
                    Issue.record("\(stop) failed at step \(step): \(failure)")
                    break
                }
                if stop.reaches, step % evaluationInterval == 0 {
                    let episodes = Self.randomStarts.contains(stop.environment) ? 10 : 1
                    if GreedyEvaluation.run(worker.trainer.agent, on: &evaluation, episodes: episodes).meanReturn
                        >= threshold {
                        reached = true
                        break
                    }
                }
            }
            if stop.reaches, !reached { missed.append("\(stop) (seed \(configuration.seed))") }
        }
        #expect(missed.isEmpty, "below the threshold within the preset's budget: \(missed)")

        let monitor = try String(contentsOfFile: RunLog.path(directory, "monitor.csv"), encoding: .utf8)
        let lengths = monitor.split(separator: "\n").dropFirst(2).map { Int($0.split(separator: ",")[1])! }
        #expect(lengths.count == worker.trainer.counters.episodes)
        for (index, entry) in limits.enumerated() {
            let end = index + 1 < limits.count ? limits[index + 1].firstEpisode : lengths.count
            let episodes = lengths[entry.firstEpisode..<end]
            #expect(!episodes.isEmpty || !entry.stop.reaches, "\(entry.stop) finished no episode")
            if let limit = entry.timeLimit {
                #expect(episodes.allSatisfy { $0 <= limit }, "\(entry.stop): an episode longer than \(limit) steps")
            }
        }
    }
}
