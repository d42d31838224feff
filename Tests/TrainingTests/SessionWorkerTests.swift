import Agents
import Environments
import Foundation
import Testing
@testable import Training

/// The session's commands and bookkeeping, driven synchronously: one command, one step at a time, as the
/// training thread would, without a thread.
@Suite("Session worker: commands at safe points")
struct SessionWorkerTests {
    static func cliff(algorithm: Algorithm = .dqn,
                      hyperparameters: [HyperparameterKey: Double] = [.learningStarts: 50, .hiddenSize: 16],
                      seed: UInt64 = 3) -> TrainingConfiguration {
        // The tests' settings are all in range.
        try! TrainingConfiguration(environment: EnvironmentSpec(name: "cliffwalking"), algorithm: algorithm,
                              hyperparameters: hyperparameters, steps: 5_000, seed: seed)
    }

    static func paused(_ configuration: TrainingConfiguration = cliff(), log: RunLog? = nil,
                       frameCapacity: Int = 64) throws -> SessionWorker {
        try SessionWorker(configuration: configuration, log: log,
                          settings: SessionSettings(startsPaused: true, frameCapacity: frameCapacity, returnCapacity: 8))
    }

    /// Steps `worker` while it would step on its thread, at most `limit` times.
    static func runWhileStepping(_ worker: SessionWorker, limit: Int = 100_000) {
        var steps = 0
        while worker.isStepping, steps < limit {
            worker.stepOnce()
            steps += 1
        }
    }

    @Test("a session's episodes are exactly those of a headless run of the same configuration")
    func sameEngineAsHeadless() throws {
        var configuration = Self.cliff(hyperparameters: [.learningStarts: 50, .hiddenSize: 16, .maxGradientNorm: 10])
        configuration.environment = EnvironmentSpec(name: "frozenlake4x4")
        configuration.steps = 1_500
        let headless = try Trainer(configuration).run().episodes.map(\.reward)
        let worker = try SessionWorker(configuration: configuration, log: nil,
                                       settings: SessionSettings(returnCapacity: 100_000))
        for _ in 0..<1_500 { worker.stepOnce() }
        let snapshot = worker.snapshot()
        #expect(snapshot.segments.count == 1)
        #expect(snapshot.segments[0].returns == headless)
        #expect(snapshot.episodes == headless.count && snapshot.timesteps == 1_500)
    }

    @Test("commands take effect in the order sent: the last of two γ edits wins, each opens a segment")
    func orderedCommands() throws {
        let worker = try Self.paused()
        worker.apply(.set(.gamma, 0.9))
        worker.apply(.set(.gamma, 0.8))
        let snapshot = worker.snapshot()
        #expect(snapshot.hyperparameters[.gamma] == 0.8)
        #expect(snapshot.segments.map(\.cause) == [
            .start, .hyperparameter(.gamma, from: 0.99, to: 0.9), .hyperparameter(.gamma, from: 0.9, to: 0.8),
        ])
        #expect(snapshot.configuration.hyperparameters[.gamma] == 0.8)
        #expect(snapshot.message?.text == "γ = 0.8")
    }

    @Test("a value outside its range is refused with the range, and nothing changes")
    func refusedValue() throws {
        let worker = try Self.paused()
        worker.apply(.set(.gamma, 1.5))
        worker.apply(.set(.lambda, 0.5))
        worker.apply(.set(.hiddenSize, 32))
        let snapshot = worker.snapshot()
        #expect(snapshot.hyperparameters[.gamma] == 0.99)
        #expect(snapshot.segments.count == 1)
        #expect(snapshot.message?.isError == true)
        #expect(snapshot.message?.text.contains("hidden") == true)
        #expect(snapshot.message?.id == 3)
    }

    @Test("paused, step takes exactly one environment step and stays paused")
    func stepWhilePaused() throws {
        let worker = try Self.paused()
        #expect(!worker.isStepping)
        worker.apply(.step)
        worker.apply(.step)
        let snapshot = worker.snapshot()
        #expect(snapshot.timesteps == 2 && snapshot.mode == .paused)
        #expect(snapshot.currentEpisode.count == 3)
        #expect(snapshot.currentEpisode[1].reward == -1 && snapshot.currentEpisode[2].returnSoFar == -2)
    }

    @Test("step while running pauses first; pause, resume and toggle switch the mode")
    func pauseAndResume() throws {
        let worker = try Self.paused()
        worker.apply(.resume)
        #expect(worker.mode == .running)
        worker.apply(.step)
        #expect(worker.mode == .paused && worker.trainer.timesteps == 1)
        worker.apply(.togglePause)
        #expect(worker.mode == .running)
        worker.apply(.togglePause)
        #expect(worker.mode == .paused)
    }

    @Test("finish the episode: steps until the episode ends, then pauses with it as the last episode")
    func finishEpisode() throws {
        let worker = try Self.paused(frameCapacity: 1_000_000)
        worker.apply(.finishEpisode)
        #expect(worker.mode == .finishingEpisode)
        Self.runWhileStepping(worker)
        let snapshot = worker.snapshot()
        #expect(snapshot.mode == .paused && snapshot.episodes == 1)
        #expect(snapshot.currentEpisode.count == 1)
        let last = snapshot.lastEpisode
        #expect(last.first?.state == .grid(cell: 36))
        #expect(last.last?.state == .grid(cell: 47))
        #expect(last.last?.returnSoFar == snapshot.segments[0].returns[0])
        #expect(last.count == snapshot.timesteps + 1)
    }

    @Test("a long episode keeps only its most recent frames, and the returns of a segment their capacity")
    func capacities() throws {
        let worker = try Self.paused()
        worker.apply(.resume)
        for _ in 0..<3_000 { worker.stepOnce() }
        let snapshot = worker.snapshot()
        #expect(snapshot.currentEpisode.count <= 64 && snapshot.lastEpisode.count <= 64)
        let segment = snapshot.segments[0]
        #expect(segment.returns.count <= 8 && segment.episodeCount == snapshot.episodes)
    }

    @Test("switching algorithm starts a new agent and segment; the step and episode counts go on")
    func switchAlgorithm() throws {
        let worker = try Self.paused()
        worker.apply(.resume)
        for _ in 0..<300 { worker.stepOnce() }
        worker.apply(.switchAlgorithm(.vpg))
        let snapshot = worker.snapshot()
        #expect(snapshot.configuration.algorithm == .vpg)
        // vpg/cliffwalking's preset: a tabular policy and critic, no time limit, its own budget.
        let preset = try #require(try PresetLibrary().preset(of: .vpg, on: "cliffwalking"))
        #expect(snapshot.hyperparameters == preset.hyperparameters && snapshot.configuration.steps == preset.steps)
        #expect(snapshot.configuration.environment.timeLimit == nil && snapshot.configuration.preset == "vpg/cliffwalking")
        // The session's second agent trains with its seed + 1, and `rlterm train` with it replays its episodes.
        #expect(snapshot.segments.last == SessionSegment(
            cause: .algorithm, algorithm: .vpg, environment: "cliffwalking", seed: 4,
            trainCommand: "rlterm train --env cliffwalking --algo vpg --steps 300000 --seed 4", firstStep: 300,
            firstEpisode: snapshot.episodes))
        #expect(snapshot.configuration.seed == 4)
        #expect(snapshot.timesteps == 300 && snapshot.mode == .running)
        #expect(snapshot.epsilon == nil && !snapshot.values.probabilities.isEmpty && snapshot.values.qValues.isEmpty)
        worker.stepOnce()
        #expect(worker.trainer.timesteps == 301)
    }

    @Test("leaving bit flipping with --her drops the relabelling with a message instead of refusing the switch")
    func hindsightDroppedOnSwitch() throws {
        let worker = try Self.paused(try TrainingConfiguration(
            environment: EnvironmentSpec(name: "bitflip", bits: 4), algorithm: .dqn,
            hyperparameters: [.hiddenSize: 8, .learningStarts: 20], options: AgentOptions(hindsight: .future),
            steps: 2_000, seed: 1))
        worker.apply(.switchEnvironment(EnvironmentSpec(name: "cliffwalking")))
        let snapshot = worker.snapshot()
        #expect(snapshot.configuration.environment.name == "cliffwalking")
        #expect(snapshot.configuration.options.hindsight == .none)
        #expect(snapshot.segments.last?.cause == .environment)
        #expect(snapshot.message?.isError == false)
        #expect(snapshot.message?.text == "--her future dropped: cliffwalking has no goals to relabel; DQN on "
            + "cliffwalking from preset dqn/cliffwalking, seed 2; headless: rlterm train --env cliffwalking --algo dqn "
            + "--steps 30000 --seed 2")
    }

    @Test("switching environment rebuilds the agent for its shapes and starts from the new pair's preset")
    func switchEnvironment() throws {
        let worker = try Self.paused()
        worker.apply(.set(.gamma, 0.95))
        worker.apply(.switchEnvironment(EnvironmentSpec(name: "cartpole")))
        let snapshot = worker.snapshot()
        #expect(snapshot.configuration.environment.name == "cartpole")
        #expect(snapshot.layout == .cartPole(trackLimit: 2.4))
        let preset = try #require(try PresetLibrary().preset(of: .dqn, on: "cartpole"))
        #expect(snapshot.hyperparameters == preset.hyperparameters && snapshot.configuration.steps == preset.steps)
        #expect(snapshot.configuration.preset == "dqn/cartpole")
        #expect(snapshot.segments.last?.cause == .environment)
        guard case .cartPoleSlice(_, _, let rows, let columns) = snapshot.values.domain else {
            Issue.record("expected a CartPole slice, got \(snapshot.values.domain)")
            return
        }
        #expect(snapshot.values.qValues.count == rows * columns && snapshot.values.qValues[0].count == 2)
        guard case .cartPole = snapshot.currentEpisode.first?.state else {
            Issue.record("expected CartPole frames")
            return
        }
    }

    @Test("a switch starts from the new pair's preset: its values and time limit, or the defaults without one")
    func switchStartsFromPreset() throws {
        let worker = try Self.paused()
        worker.apply(.set(.learningRate, 0.01))
        worker.apply(.switchAlgorithm(.onlineQ))
        var snapshot = worker.snapshot()
        #expect(snapshot.hyperparameters == (try Hyperparameters(.onlineQ, [.gamma: 0.9, .epsilonEnd: 0.02,
                                                                           .explorationFraction: 0.8, .learningRate: 1e-3])))
        #expect(snapshot.configuration.preset == "online-q/cliffwalking" && snapshot.configuration.overridden.isEmpty)
        worker.apply(.switchEnvironment(EnvironmentSpec(name: "frozenlake8x8")))
        snapshot = worker.snapshot()
        #expect(snapshot.hyperparameters == Hyperparameters(defaultsFor: .onlineQ) && snapshot.configuration.preset == nil)
        // Without a preset budget the first agent's horizon stays.
        #expect(snapshot.configuration.steps == 5_000)
        worker.apply(.switchAlgorithm(.reinforce))
        worker.apply(.switchEnvironment(EnvironmentSpec(name: "cliffwalking")))
        snapshot = worker.snapshot()
        #expect(snapshot.configuration.environment.timeLimit == 100_000)
        #expect(snapshot.configuration.options.psi == .rewardToGo && snapshot.configuration.hyperparameters[.gamma] == 1)
        // The preset's tabular policy starts as a uniform random walk, which reaches G in about 6,500 steps on
        // average: 100,000 steps end episodes well before the guard's limit (CartPole's network with the
        // defaults, which this switch used to get, can play one episode for millions of steps).
        let before = snapshot.episodes
        worker.apply(.resume)
        for _ in 0..<100_000 { worker.stepOnce() }
        #expect(worker.snapshot().episodes - before >= 5)
    }

    @Test("reset starts the same algorithm afresh: a new agent with the current hyperparameters")
    func reset() throws {
        let worker = try Self.paused()
        worker.apply(.set(.targetPeriod, 7))
        worker.apply(.resume)
        for _ in 0..<200 { worker.stepOnce() }
        #expect(worker.trainer.agent.gradientSteps > 0)
        worker.apply(.reset)
        #expect(worker.trainer.agent.gradientSteps == 0)
        #expect(worker.trainer.agent.hyperparameters[.targetPeriod] == 7)
        #expect(worker.snapshot().segments.last?.cause == .reset)
    }

    @Test("the inspection covers every cell of the map, walls excepted, with Q* at the agent's γ")
    func gridInspection() throws {
        let worker = try Self.paused(try TrainingConfiguration(
            environment: EnvironmentSpec(name: "fourrooms"), algorithm: .dqn, hyperparameters: [.hiddenSize: 8],
            steps: 100, seed: 0))
        let snapshot = worker.snapshot()
        guard case .grid(let rows, let columns, let cells) = snapshot.layout else {
            Issue.record("expected a grid layout")
            return
        }
        #expect(snapshot.values.domain == .gridCells(rows: rows, columns: columns))
        for (index, cell) in cells.enumerated() {
            #expect(snapshot.values.qValues[index].count == (cell == .wall ? 0 : 4))
        }
        let solution = ValueIteration(model: TransitionModel(map: try MapLocator().load("fourrooms")), gamma: 0.99)
        #expect(snapshot.values.optimalQ?[0] == (solution.actionValues[0] ?? []))
    }

    @Test("save writes a checkpoint that loads back as the same algorithm")
    func saveCheckpoint() throws {
        let directory = RunLogTests.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let worker = try SessionWorker(configuration: Self.cliff(), log: nil,
                                       settings: SessionSettings(startsPaused: true, checkpointDirectory: directory))
        worker.apply(.step)
        worker.apply(.saveCheckpoint(path: nil))
        let path = directory + "/checkpoint-dqn-1.safetensors"
        // The configuration starts from DQN's defaults, not the cliff's preset, so the command restates them.
        #expect(worker.snapshot().message?.text == "checkpoint saved to \(path); seed 3, headless: rlterm train "
            + "--env cliffwalking --algo dqn --steps 5000 --seed 3 --gamma 0.99 --hidden 16 --learning-starts 50 "
            + "--eps-start 1 --eps-end 0.04 --eps-fraction 0.12")
        worker.apply(.set(.gamma, 0.95))
        worker.apply(.step)
        worker.apply(.saveCheckpoint(path: nil))
        #expect(worker.snapshot().message?.text.contains("seed 3, headless up to its first edit, at step 1: ") == true)
        #expect(try AgentCheckpoint.load(from: path).agent.algorithm == .dqn)
    }

    @Test("a non-finite update pauses the session with a message; it will not resume until a new agent")
    func divergencePauses() throws {
        let directory = RunLogTests.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let map = directory + "/huge.txt"
        // A reward beyond float32's range becomes +∞ in the replay memory: the first update's loss is not finite.
        try "step_reward: 1e300\nmap:\nS..G\n".write(toFile: map, atomically: true, encoding: .utf8)
        let worker = try Self.paused(try TrainingConfiguration(
            environment: EnvironmentSpec(name: map), algorithm: .dqn,
            hyperparameters: [.learningStarts: 10, .hiddenSize: 8, .batchSize: 4], steps: 1_000, seed: 1))
        let before = worker.trainer.agent.qValues(for: [1, 0, 0, 0])
        worker.apply(.resume)
        Self.runWhileStepping(worker, limit: 1_000)
        let snapshot = worker.snapshot()
        #expect(snapshot.mode == .paused && snapshot.timesteps < 1_000)
        #expect(snapshot.failure?.contains("not finite") == true)
        #expect(snapshot.message?.text.hasPrefix("learning stopped at step") == true)
        #expect(worker.trainer.agent.qValues(for: [1, 0, 0, 0]) == before)
        worker.apply(.resume)
        #expect(worker.mode == .paused && worker.snapshot().message?.text.contains("reset") == true)
        worker.apply(.reset)
        worker.apply(.resume)
        #expect(worker.mode == .running && worker.snapshot().failure == nil)
    }

    @Test("stop with a run log writes the final networks; no command is applied after it")
    func stopSaves() throws {
        let directory = RunLogTests.temporaryDirectory()
        let configuration = Self.cliff()
        let log = try RunLog(directory: directory, configuration: configuration, startTime: 0)
        let worker = try Self.paused(configuration, log: log)
        worker.apply(.step)
        worker.apply(.stop)
        worker.apply(.resume)
        #expect(worker.mode == .stopped)
        #expect(try AgentCheckpoint.load(from: log.modelPath).metadata["timesteps"] == "1")
    }

    @Test("replaying a checkpoint acts greedily and learns nothing; commands that would change the agent are refused")
    func replay() throws {
        let directory = RunLogTests.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/model.safetensors"
        let trained = try Self.paused()
        trained.apply(.resume)
        for _ in 0..<500 { trained.stepOnce() }
        trained.apply(.saveCheckpoint(path: path))
        let saved = trained.trainer.agent.qValues(for: [Float](repeating: 0, count: 47) + [1])

        let worker = SessionWorker(trainer: try Trainer(replaying: path), log: nil,
                                   settings: SessionSettings(startsPaused: true))
        for _ in 0..<20 { worker.apply(.step) }
        let snapshot = worker.snapshot()
        #expect(!snapshot.learns && snapshot.timesteps == 20)
        #expect(worker.trainer.agent.gradientSteps == 0)
        #expect(worker.trainer.agent.qValues(for: [Float](repeating: 0, count: 47) + [1]) == saved)
        worker.apply(.set(.gamma, 0.5))
        worker.apply(.reset)
        #expect(worker.snapshot().message?.text.hasPrefix("replaying a checkpoint") == true)
        #expect(worker.snapshot().segments.count == 1 && worker.snapshot().hyperparameters[.gamma] == 0.99)
    }

    @Test("pace moves along its ladder: full speed down to 5,000/s, 1/s is the floor")
    func paceLadder() {
        #expect(Pace.fullSpeed.slower == .stepsPerSecond(5_000))
        #expect(Pace.stepsPerSecond(5_000).faster == .fullSpeed)
        #expect(Pace.stepsPerSecond(10).faster == .stepsPerSecond(20))
        #expect(Pace.stepsPerSecond(1).slower == .stepsPerSecond(1))
        #expect(Pace.stepsPerSecond(7).slower == .stepsPerSecond(5))
        #expect(Pace.fullSpeed.description == "full" && Pace.stepsPerSecond(20).description == "20/s")
    }

    @Test("the same seed and the same commands at the same steps give the same returns")
    func deterministic() throws {
        func returns() throws -> [[Double]] {
            let worker = try SessionWorker(configuration: Self.cliff(seed: 9), log: nil, settings: SessionSettings())
            for step in 0..<2_000 {
                if step == 700 { worker.apply(.set(.gamma, 0.9)) }
                if step == 1_200 { worker.apply(.switchAlgorithm(.onlineQ)) }
                worker.stepOnce()
            }
            return worker.snapshot().segments.map(\.returns)
        }
        let first = try returns()
        #expect(first.count == 3)
        #expect(try returns() == first)
    }
}

@Suite("Divergence in a headless run")
struct HeadlessDivergenceTests {
    @Test("a DQN whose loss stops being finite ends the run with agentFailed, and no checkpoint carries NaN")
    func dqnStops() throws {
        let directory = RunLogTests.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let map = directory + "/huge.txt"
        // A reward beyond float32's range becomes +∞ in the replay memory: the first update's loss is not finite.
        try "step_reward: 1e300\nmap:\nS..G\n".write(toFile: map, atomically: true, encoding: .utf8)
        let configuration = try TrainingConfiguration(
            environment: EnvironmentSpec(name: map), algorithm: .dqn,
            hyperparameters: [.learningStarts: 10, .hiddenSize: 8, .batchSize: 4], steps: 1_000, seed: 1)
        let log = try RunLog(directory: directory + "/run", configuration: configuration, startTime: 0)
        #expect {
            _ = try Trainer(configuration).run(log: log)
        } throws: { error in
            guard case TrainingError.agentFailed(let step, let reason) = error else { return false }
            return step == 10 && reason.contains("not finite")
        }
        #expect(!FileManager.default.fileExists(atPath: log.modelPath))
    }
}
