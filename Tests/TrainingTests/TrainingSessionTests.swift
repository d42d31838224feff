import Agents
import Dispatch
import Environments
import Foundation
import Testing
@testable import Training

/// The session on its own thread, driven from others: what arrives, in what order, and that nothing races
/// (CI runs this suite under ThreadSanitizer as well).
@Suite("Training session on its thread")
struct TrainingSessionTests {
    static func session(_ configuration: TrainingConfiguration = SessionWorkerTests.cliff(),
                        settings: SessionSettings = SessionSettings(startsPaused: true)) throws -> TrainingSession {
        try TrainingSession(configuration: configuration, settings: settings)
    }

    /// Polls the session's snapshots until `condition` holds (nil after 20 s).
    static func waitFor(_ session: TrainingSession, _ condition: (TrainingSnapshot) -> Bool) -> TrainingSnapshot? {
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            let snapshot = session.snapshot()
            if condition(snapshot) { return snapshot }
            Thread.sleep(forTimeInterval: 0.002)
        }
        return nil
    }

    @Test("a new session has a snapshot before it starts, and a paused one takes no step until told")
    func pausedUntilStepped() throws {
        let session = try Self.session()
        #expect(session.snapshot().timesteps == 0 && session.snapshot().mode == .paused)
        session.start()
        Thread.sleep(forTimeInterval: 0.05)
        #expect(session.snapshot().timesteps == 0)
        for _ in 0..<3 { session.send(.step) }
        let stepped = Self.waitFor(session) { $0.timesteps == 3 }
        #expect(stepped?.mode == .paused)
        Thread.sleep(forTimeInterval: 0.05)
        #expect(session.snapshot().timesteps == 3)
        #expect(session.stop().mode == .stopped)
    }

    @Test("commands from another thread are applied in the order sent")
    func order() throws {
        let session = try Self.session(settings: SessionSettings(startsPaused: true, segmentCapacity: 100))
        session.start()
        let values = (50...98).map { Double($0) / 100 }
        DispatchQueue.global().sync {
            for value in values { session.send(.set(.gamma, value)) }
        }
        let done = Self.waitFor(session) { $0.message?.id == values.count }
        #expect(done?.hyperparameters[.gamma] == values.last)
        let changes = done?.segments.compactMap { segment -> Double? in
            if case .hyperparameter(_, _, let to) = segment.cause { return to }
            return nil
        }
        #expect(changes == values)
        session.stop()
    }

    @Test("running, it trains and publishes; after pause the step count holds still")
    func runAndPause() throws {
        let session = try Self.session(settings: SessionSettings(snapshotInterval: .milliseconds(5)))
        session.start()
        #expect(Self.waitFor(session) { $0.timesteps > 200 } != nil)
        session.send(.pause)
        let paused = try #require(Self.waitFor(session) { $0.mode == .paused })
        Thread.sleep(forTimeInterval: 0.05)
        #expect(session.snapshot().timesteps == paused.timesteps)
        #expect(session.snapshot().stepsPerSecond == 0)
        session.stop()
    }

    @Test("a session that stops itself says so at once, however long the periodic snapshots wait")
    func stopsItselfVisibly() throws {
        // With periodic snapshots an hour apart, only the publish on stopping can show the pause; before it,
        // `n` (and learning that failed) left the screen at "training" for good.
        // CartPole's random episodes end within tens of steps, before DQN's first update: quick even under
        // ThreadSanitizer, where an untrained agent's walk to the cliff's goal took longer than the wait.
        let cartPole = try TrainingConfiguration(environment: EnvironmentSpec(name: "cartpole"), algorithm: .dqn,
                                                 hyperparameters: [.learningStarts: 10_000, .hiddenSize: 16],
                                                 steps: 20_000, seed: 3)
        let session = try Self.session(cartPole, settings: SessionSettings(startsPaused: true,
                                                                            snapshotInterval: .seconds(3_600)))
        session.start()
        session.send(.finishEpisode)
        let ended = try #require(Self.waitFor(session) { $0.mode == .paused && $0.episodes == 1 })
        #expect(ended.timesteps > 0)
        session.stop()
    }

    /// Once the thread runs, half a second passes on the session's clock in one move; the thread then has real
    /// time to spare, so a pacing that ignored its clock would run far past the bound.
    @Test("at a pace of 20 steps a second it takes no more than that")
    func pace() throws {
        let clock = ManualSessionClock()
        let session = try TrainingSession(
            configuration: SessionWorkerTests.cliff(),
            settings: SessionSettings(pace: .stepsPerSecond(20), startsPaused: true, snapshotInterval: .milliseconds(5)),
            clock: clock)
        let start = clock.now
        session.start()
        session.send(.resume)
        _ = Self.waitFor(session) { $0.mode == .running }
        clock.advance(by: .milliseconds(500))
        _ = Self.waitFor(session) { $0.timesteps >= 1 }
        Thread.sleep(forTimeInterval: 0.1)
        session.send(.pause)
        let steps = Self.waitFor(session) { $0.mode == .paused }?.timesteps ?? 0
        let elapsed = (clock.now - start) / .seconds(1)
        #expect(steps >= 1)
        #expect(Double(steps) <= 20 * elapsed + 2)
        session.stop()
    }

    @Test("stop before start runs the stop itself; stop twice is harmless")
    func stopWithoutStart() throws {
        let session = try Self.session()
        #expect(session.stop().mode == .stopped)
        #expect(session.stop().mode == .stopped)
    }

    @Test("thousands of random commands from two threads while a third reads snapshots: every one is answered")
    func commandStorm() throws {
        let session = try Self.session(
            SessionWorkerTests.cliff(algorithm: .onlineQ, hyperparameters: [.hiddenSize: 8]),
            settings: SessionSettings(pace: .fullSpeed, snapshotInterval: .milliseconds(1), checkpointDirectory: "/nonexistent"))
        session.start()
        let environments = ["cliffwalking", "frozenlake4x4", "cliffwalk"].map { EnvironmentSpec(name: $0, states: 5) }
        let algorithms: [Algorithm] = [.onlineQ, .dqn, .onlineAC, .ac, .fqi]
        func command(_ draw: Int) -> SessionCommand {
            switch draw % 12 {
            case 0: .pause
            case 1: .resume
            case 2: .togglePause
            case 3: .step
            case 4: .finishEpisode
            case 5: .set(.gamma, Double(draw % 100) / 100)
            case 6: .set(.learningRate, Double(draw % 7) * 1e-3)
            case 7: .switchAlgorithm(algorithms[draw % algorithms.count])
            case 8: .switchEnvironment(environments[draw % environments.count])
            case 9: .reset
            case 10: .setPace(draw % 2 == 0 ? .fullSpeed : .stepsPerSecond(5_000))
            default: .saveCheckpoint(path: nil)
            }
        }
        let readerDone = DispatchSemaphore(value: 0)
        let stopReading = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            var lastSequence = 0
            while stopReading.wait(timeout: .now()) == .timedOut {
                let snapshot = session.snapshot()
                precondition(snapshot.sequence >= lastSequence, "snapshots go back in time")
                lastSequence = snapshot.sequence
                _ = snapshot.segments.last?.returns.last
            }
            readerDone.signal()
        }
        let batches = (0..<2).map { sender in
            var state = UInt64(sender + 1) &* 0x9E37_79B9_7F4A_7C15
            return (0..<1_500).map { _ in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return command(Int(state >> 33))
            }
        }
        DispatchQueue.concurrentPerform(iterations: 2) { sender in
            for command in batches[sender] { session.send(command) }
        }
        let last = session.stop()
        stopReading.signal()
        readerDone.wait()
        #expect(last.mode == .stopped)
        #expect(!last.segments.isEmpty && last.segments.allSatisfy { algorithms.contains($0.algorithm) })
        // Every edit is answered (the value, or why not) and every save fails aloud (no such directory).
        let answered = batches.joined().filter { command in
            switch command {
            case .set, .saveCheckpoint: true
            default: false
            }
        }
        #expect(last.message?.id ?? 0 >= answered.count)
    }
}
