import Foundation
import RLCore
import Testing
import Environments

/// MinAtar's games against traces recorded from minatar 1.0.15 (Fixtures/make_minatar_traces.py).
@Suite("MinAtar games against minatar 1.0.15 traces")
struct MinAtarConformanceTests {
    static func traces<Game: MinAtarGame>(_ game: Game.Type) throws -> MinAtarTraceFile<Game> {
        let url = try #require(Bundle.module.url(forResource: "minatar_\(Game.name)_traces", withExtension: "json",
                                                 subdirectory: "Fixtures"))
        return try MinAtarTraceFile<Game>(data: Data(contentsOf: url))
    }

    static func expectAllPass<Game: MinAtarGame>(_ file: MinAtarTraceFile<Game>) {
        for report in file.replayAll() {
            #expect(report.passed, "\(report.id): \(report.firstMismatch.map(String.init(describing:)) ?? "")")
        }
    }

    /// Flips `channel` in cell (y, x) of the observation recorded at `step` of trace `id` (set becomes clear or
    /// clear becomes set) and expects the replay's first mismatch to be exactly there, and to say so.
    static func expectFlippedCellLocated<Game: MinAtarGame>(
        _ game: Game.Type, trace id: String, step: Int, y: Int, x: Int, channel: String
    ) throws {
        var trace = try #require(try traces(game).traces.first { $0.id == id })
        let channelIndex = try #require(Game.channelNames.firstIndex(of: channel))
        let cell = (y * MinAtarCanvas.size + x) * Game.channelNames.count + channelIndex
        let cells = trace.observations[step]
        trace.observations[step] = cells.contains(cell) ? cells.filter { $0 != cell } : cells + [cell]
        let mismatch = try #require(trace.replay().firstMismatch)
        #expect(mismatch.step == step)
        #expect(mismatch.field == .cell(y: y, x: x, channel: channel))
        #expect(mismatch.description.contains("step \(step) channel \(channel) cell (y \(y), x \(x))"))
    }

    @Test("Breakout: every cell, reward, terminal flag and stream position, including rebuilt walls")
    func breakoutReplaysExactly() throws {
        let file = try Self.traces(MinAtarBreakout.self)
        #expect(file.traces.count == 45)
        #expect(file.traces.reduce(0) { $0 + $1.actions.count } == 3261)
        // A return past 60 means the 30-brick wall was rebuilt twice.
        #expect(file.traces.contains { $0.rewards.reduce(0, +) > 60 })
        #expect(file.traces.contains { $0.stickyActionProbability == 0 })
        Self.expectAllPass(file)
    }

    @Test("Freeway: every cell, reward, terminal flag and stream position, to the end on the 2,501st act")
    func freewayReplaysExactly() throws {
        let file = try Self.traces(MinAtarFreeway.self)
        #expect(file.traces.reduce(0) { $0 + $1.actions.count } == 4104)
        #expect(file.traces.contains { $0.terminals.firstIndex(of: true) == 2500 })
        #expect(file.traces.contains { !$0.difficultyRamping })
        Self.expectAllPass(file)
    }

    @Test("Space Invaders: every cell, reward, terminal flag and stream position, over rebuilt alien blocks")
    func spaceInvadersReplaysExactly() throws {
        let file = try Self.traces(MinAtarSpaceInvaders.self)
        #expect(file.traces.reduce(0) { $0 + $1.actions.count } == 2219)
        // Past 48 the block was cleared twice: the second rebuilt block marches faster with ramping.
        #expect(file.traces.contains { $0.difficultyRamping && $0.rewards.reduce(0, +) > 48 })
        #expect(file.traces.contains { !$0.difficultyRamping && $0.rewards.reduce(0, +) > 24 })
        Self.expectAllPass(file)
    }

    @Test("Asterix: every cell, reward, terminal flag and stream position, through six difficulty ramps")
    func asterixReplaysExactly() throws {
        let file = try Self.traces(MinAtarAsterix.self)
        #expect(file.traces.reduce(0) { $0 + $1.actions.count } == 3159)
        // Ramps come every 102 acts: past 612 acts six have come.
        #expect(file.traces.contains { $0.difficultyRamping && $0.actions.count > 612 })
        #expect(file.traces.contains { !$0.difficultyRamping && $0.actions.count > 612 })
        Self.expectAllPass(file)
    }

    @Test("Seaquest: every cell, reward, terminal flag and stream position, through surfacings, six-diver payouts and ramps")
    func seaquestReplaysExactly() throws {
        let file = try Self.traces(MinAtarSeaquest.self)
        #expect(file.traces.count == 73)
        #expect(file.traces.reduce(0) { $0 + $1.actions.count } == 10617)
        // Surfacing with six divers pays the oxygen gauge's lit cells: a reward above 1 in one act.
        #expect(file.traces.filter { $0.rewards.contains { $0 > 1 } }.count >= 5)
        // A dive that lasts past 1,200 acts with ramping has surfaced often enough to ramp a dozen times.
        #expect(file.traces.contains { $0.difficultyRamping && $0.actions.count > 1_200 && $0.rewards.reduce(0, +) >= 50 })
        #expect(file.traces.contains { !$0.difficultyRamping && $0.actions.count > 1_200 })
        #expect(file.traces.contains { $0.stickyActionProbability == 0 })
        // Episodes that end below the surface with an empty oxygen gauge: the oxygen ran out.
        let oxygenGauge = MinAtarSeaquest.channelNames.firstIndex(of: "oxygen_gauge")!
        let outOfOxygen = file.traces.filter { trace in
            guard let end = trace.terminals.firstIndex(of: true) else { return false }
            return !trace.observations[end + 1].contains { $0 / 10 / 10 == 9 && $0 % 10 == oxygenGauge }
        }
        #expect(outOfOxygen.count >= 2)
        Self.expectAllPass(file)
    }

    @Test("a Seaquest diver flipped in one recorded observation fails at that step, naming the channel and the cell")
    func flippedSeaquestCellIsLocated() throws {
        try Self.expectFlippedCellLocated(MinAtarSeaquest.self, trace: "diving_seed13", step: 700, y: 4, x: 2,
                                          channel: "diver")
    }

    @Test("Seaquest's saved state restores mid-episode and plays on identically")
    func seaquestStateRoundTrips() throws {
        let trace = try #require(try Self.traces(MinAtarSeaquest.self).traces.first { $0.id == "diving_seed12" })
        var environment = MinAtar<MinAtarSeaquest>(seed: UInt32(trace.seed), stepLimit: nil)
        for action in trace.actions.prefix(600) { _ = environment.step(action) }
        var part = StatePart()
        environment.saveState(into: &part)
        var restored = MinAtar<MinAtarSeaquest>(seed: 0, stepLimit: nil)
        try restored.restoreState(from: part)
        var (expected, got) = ([Float](repeating: 0, count: 1000), [Float](repeating: 0, count: 1000))
        for action in trace.actions.dropFirst(600) {
            #expect(environment.step(action) == restored.step(action))
            expected.withUnsafeMutableBufferPointer { environment.writeObservation(into: $0) }
            got.withUnsafeMutableBufferPointer { restored.writeObservation(into: $0) }
            #expect(expected == got)
        }
        // A fish off the grid (a damaged checkpoint) is refused by name rather than drawn out of bounds.
        var damaged = part
        damaged.set("game.fish_x", integers: [12])
        do {
            try restored.restoreState(from: damaged)
            Issue.record("a fish at x 12 was restored")
        } catch {
            #expect(error.description.contains("fish_x") && error.description.contains("12"))
        }
    }

    @Test("a cell flipped in one recorded observation fails at that step, naming the channel and the cell")
    func flippedCellIsLocated() throws {
        try Self.expectFlippedCellLocated(MinAtarBreakout.self, trace: "random_seed0", step: 12, y: 5, x: 7,
                                          channel: "ball")
    }

    @Test("a recorded stream position one word off fails at that step")
    func streamPositionIsChecked() throws {
        var trace = try #require(try Self.traces(MinAtarFreeway.self).traces.first)
        trace.streamPositions[40] += 1
        let mismatch = try #require(trace.replay().firstMismatch)
        #expect(mismatch.step == 40)
        #expect(mismatch.field == .streamPosition)
    }

    @Test("a changed reward or terminal flag fails at that step")
    func rewardAndTerminalAreChecked() throws {
        let original = try #require(try Self.traces(MinAtarBreakout.self).traces.first { $0.rewards.contains(1) })
        let rewarded = try #require(original.rewards.firstIndex(of: 1))
        var trace = original
        trace.rewards[rewarded] = 0
        #expect(trace.replay().firstMismatch?.field == .reward)
        #expect(trace.replay().firstMismatch?.step == rewarded + 1)
        trace = original
        trace.terminals[3].toggle()
        let mismatch = try #require(trace.replay().firstMismatch)
        #expect(mismatch.step == 4 && mismatch.field == .terminal)
        #expect(mismatch.expected == "true" && mismatch.got == "false")
    }

    @Test("every act draws rand() for the sticky choice, with probability 0 and after the episode ended")
    func stickyDrawAlwaysHappens() {
        var environment = MinAtar<MinAtarBreakout>(seed: 3, stickyActionProbability: 0, stepLimit: nil)
        var outcome = StepOutcome(reward: 0, terminated: false, truncated: false)
        while !outcome.terminated { outcome = environment.step(0) }
        let position = environment.random.position
        _ = environment.step(0)
        _ = environment.step(3)
        #expect(environment.random.position == position + 4)
    }

    @Test("an episode is truncated after the step limit unless the game ended first")
    func stepLimitTruncates() {
        var environment = MinAtar<MinAtarFreeway>(seed: 1, stepLimit: 5)
        let outcomes = (0..<5).map { _ in environment.step(0) }
        #expect(outcomes.map(\.truncated) == [false, false, false, false, true])
        #expect(!outcomes.contains { $0.terminated })
    }

    @Test("the registry builds the games by name, with an image layout of MinAtar's channels")
    func registryBuildsGames() throws {
        let breakout = try EnvironmentRegistry.make("minatar-breakout", generator: Xoshiro256StarStar(seed: 1))
        #expect(breakout.observationLayout == .image(height: 10, width: 10,
                                                     channels: ["paddle", "ball", "trail", "brick"]))
        #expect(breakout.observationCount == 400 && breakout.actionCount == 6)
        #expect(breakout.timeLimit == MinAtar<MinAtarBreakout>.defaultStepLimit)
        let freeway = try EnvironmentRegistry.make("minatar-freeway", generator: Xoshiro256StarStar(seed: 1))
        #expect(freeway.observationLayout.count == 700)
        let seaquest = try EnvironmentRegistry.make("minatar-seaquest", generator: Xoshiro256StarStar(seed: 1))
        #expect(seaquest.observationLayout.count == 1000 && seaquest.actionCount == 6)
    }
}
