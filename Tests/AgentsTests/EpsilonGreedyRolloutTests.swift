import Environments
import RLCore
import Testing
@testable import Agents

@Suite("ε-greedy rollout of a fixed policy")
struct EpsilonGreedyRolloutTests {
    static func cliff() throws -> GridMap {
        try MapLocator(directory: "/nonexistent").load("cliffwalking")
    }

    static func rollout(_ map: GridMap, epsilon: Double, seed: UInt64 = 1, pathLength: Int = 24) -> EpsilonGreedyRollout {
        let policy = ValueIteration(model: TransitionModel(map: map), gamma: 0.99).policy
        return EpsilonGreedyRollout(
            environment: Gridworld(map: map, generator: RunSeed(seed).generator(for: "env")), greedyActions: policy,
            epsilon: epsilon, exploration: RunSeed(seed).generator(for: "exploration"), pathLength: pathLength)
    }

    @Test("with ε = 0 the optimal policy walks the cliff edge in 13 steps for a return of −13")
    func greedyCliff() throws {
        let map = try Self.cliff()
        var rollout = Self.rollout(map, epsilon: 0)
        for _ in 0..<12 { rollout.advance() }
        #expect(!rollout.episodeIsOver && rollout.returns.isEmpty && rollout.episodeReturn == -12)
        rollout.advance()
        #expect(rollout.episodeIsOver && rollout.returns == [-13] && rollout.steps == 13 && rollout.episode == 1)
        // Up from the start, along row 2, down into the goal: the path holds the start and every cell after.
        let goal = 3 * 12 + 11
        #expect(rollout.path == [36, 24] + (25...35).map { $0 } + [goal])
        #expect(rollout.environment.position == goal)
    }

    @Test("the step after an episode ends starts the next one from the start and still takes a step")
    func nextEpisode() throws {
        var rollout = Self.rollout(try Self.cliff(), epsilon: 0)
        for _ in 0..<14 { rollout.advance() }
        #expect(rollout.episode == 2 && rollout.steps == 14 && rollout.episodeReturn == -1)
        #expect(rollout.path == [36, 24] && !rollout.episodeIsOver)
    }

    @Test("the path keeps only the last pathLength cells")
    func pathLength() throws {
        var rollout = Self.rollout(try Self.cliff(), epsilon: 0, pathLength: 3)
        for _ in 0..<5 { rollout.advance() }
        #expect(rollout.path == [26, 27, 28])
    }

    @Test("a time limit ends the episode as truncated and records its return")
    func truncation() throws {
        let map = try GridMap.parse("step_reward: -1\nmax_steps: 2\nmap:\nS...G\n", source: "short.txt")
        var rollout = Self.rollout(map, epsilon: 0)
        rollout.advance()
        rollout.advance()
        #expect(rollout.lastOutcome == StepOutcome(reward: -1, terminated: false, truncated: true))
        #expect(rollout.returns == [-2] && rollout.episodeIsOver)
    }

    @Test("exploration is reproducible from the seed, and with ε = 1 the agent leaves the greedy path")
    func exploration() throws {
        let map = try Self.cliff()
        func trace(seed: UInt64) -> [Int] {
            var rollout = Self.rollout(map, epsilon: 1, seed: seed, pathLength: 1)
            return (0..<200).map { _ in
                rollout.advance()
                return rollout.environment.position
            }
        }
        #expect(trace(seed: 5) == trace(seed: 5))
        #expect(trace(seed: 5) != trace(seed: 6))
        // A uniformly random walk visits cells the greedy path (rows 2 and 3) never does.
        #expect(trace(seed: 5).contains { $0 < 24 })
    }
}
