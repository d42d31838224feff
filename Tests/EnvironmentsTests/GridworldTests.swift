import Foundation
import RLCore
import Testing
@testable import Environments

@Suite("Gridworld dynamics")
struct GridworldTests {
    static func builtin(_ name: String) throws -> GridMap {
        try MapLocator(directory: "/nonexistent").load(name)
    }

    @Test("slippery moves go each of the three ways about 1/3 of the time")
    func slipFrequencies() throws {
        var map = try Self.builtin("frozenlake4x4")
        map.settings.slippery = true
        var env = Gridworld(map: map, generator: RunSeed(7).generator(for: "env"))
        var landed: [Int: Int] = [:]
        let trials = 30_000
        for _ in 0..<trials {
            env.reset()
            _ = env.step(GridAction.down.rawValue)
            landed[env.position, default: 0] += 1
        }
        // From the top-left corner, down slips left (bumps the edge: stays on 0), goes down (4) or right (1).
        #expect(Set(landed.keys) == [0, 1, 4])
        for count in landed.values {
            // Standard error √(1/3·2/3/30000) ≈ 0.0027; 0.015 is more than five of them.
            #expect(abs(Double(count) / Double(trials) - 1.0 / 3.0) < 0.015)
        }
    }

    @Test("stepping into the cliff costs −100 and returns the agent to the start without ending the episode")
    func cliff() throws {
        var env = Gridworld(map: try Self.builtin("cliffwalking"), generator: RunSeed(1).generator(for: "env"))
        _ = env.step(GridAction.up.rawValue)
        let outcome = env.step(GridAction.right.rawValue)
        #expect(outcome == StepOutcome(reward: -1, terminated: false, truncated: false) && env.position == 25)
        let fall = env.step(GridAction.down.rawValue)
        #expect(fall == StepOutcome(reward: -100, terminated: false, truncated: false))
        #expect(env.position == env.map.start && env.agent == (3, 0))
    }

    @Test("the optimal cliff path takes 13 steps of −1 and terminates on G")
    func cliffPath() throws {
        var env = Gridworld(map: try Self.builtin("cliffwalking"), generator: RunSeed(1).generator(for: "env"))
        let actions = [GridAction.up] + Array(repeating: .right, count: 11) + [.down]
        var total = 0.0
        for (index, action) in actions.enumerated() {
            let outcome = env.step(action.rawValue)
            total += outcome.reward
            #expect(outcome.terminated == (index == actions.count - 1))
        }
        #expect(total == -13 && env.position == 47)
    }

    @Test("a hole terminates with reward 0 and is absorbing; the goal gives 1")
    func holeAndGoal() throws {
        let map = try Self.builtin("frozenlake4x4")
        var env = Gridworld(map: map, generator: RunSeed(1).generator(for: "env"))
        _ = env.step(GridAction.right.rawValue)
        #expect(env.step(GridAction.down.rawValue) == StepOutcome(reward: 0, terminated: true, truncated: false))
        #expect(env.position == 5)
        #expect(env.step(GridAction.left.rawValue) == StepOutcome(reward: 0, terminated: true, truncated: false))
        #expect(env.position == 5)
        env.reset()
        let path: [GridAction] = [.down, .down, .right, .right, .down, .right]
        let outcomes = path.map { env.step($0.rawValue) }
        #expect(outcomes.last == StepOutcome(reward: 1, terminated: true, truncated: false))
        #expect(outcomes.dropLast().allSatisfy { $0 == StepOutcome(reward: 0, terminated: false, truncated: false) })
    }

    @Test("walls and the edge leave the agent in place with the step reward")
    func walls() throws {
        var env = Gridworld(map: try Self.builtin("maze"), generator: RunSeed(1).generator(for: "env"))
        let start = env.position
        #expect(env.step(GridAction.up.rawValue) == StepOutcome(reward: -1, terminated: false, truncated: false))
        #expect(env.step(GridAction.left.rawValue).reward == -1 && env.position == start)
        let edge = try GridMap.parse("SG", source: "edge.txt")
        var small = Gridworld(map: edge, generator: RunSeed(1).generator(for: "env"))
        #expect(small.step(GridAction.up.rawValue) == StepOutcome(reward: 0, terminated: false, truncated: false))
        #expect(small.position == 0)
    }

    @Test("the time limit truncates on exactly the max_steps-th step")
    func timeLimit() throws {
        var env = Gridworld(map: try Self.builtin("frozenlake4x4"), generator: RunSeed(1).generator(for: "env"))
        for _ in 1..<100 {
            #expect(!env.step(GridAction.left.rawValue).truncated)
        }
        #expect(env.step(GridAction.left.rawValue) == StepOutcome(reward: 0, terminated: false, truncated: true))
        env.reset()
        #expect(env.elapsedSteps == 0 && !env.step(GridAction.left.rawValue).truncated)
        var cliff = Gridworld(map: try Self.builtin("cliffwalking"), generator: RunSeed(1).generator(for: "env"))
        for _ in 0..<1000 {
            #expect(!cliff.step(GridAction.left.rawValue).truncated)
        }
    }

    @Test("the same seed gives the same trajectory; another seed a different one")
    func reproducible() throws {
        var map = try Self.builtin("frozenlake8x8")
        map.settings.slippery = true
        func trajectory(seed: UInt64) -> [Int] {
            var env = Gridworld(map: map, generator: RunSeed(seed).generator(for: "env"))
            var actions = RunSeed(99).generator(for: "actions")
            var cells: [Int] = []
            for _ in 0..<500 {
                if env.step(actions.uniformInt(below: 4)).isDone { env.reset() }
                cells.append(env.position)
            }
            return cells
        }
        #expect(trajectory(seed: 3) == trajectory(seed: 3))
        #expect(trajectory(seed: 3) != trajectory(seed: 4))
    }

    @Test("observations are a one-hot of row·cols + col, or (row, col) scaled to [0, 1]")
    func observations() throws {
        let map = try Self.builtin("cliffwalking")
        var oneHot = Gridworld(map: map, generator: RunSeed(1).generator(for: "env"))
        #expect(oneHot.observationCount == 48)
        var expected = [Float](repeating: 0, count: 48)
        expected[36] = 1
        #expect(oneHot.observation() == expected)
        _ = oneHot.step(GridAction.up.rawValue)
        expected[36] = 0
        expected[24] = 1
        #expect(oneHot.observation() == expected)
        var coordinates = Gridworld(map: map, observation: .coordinates, generator: RunSeed(1).generator(for: "env"))
        #expect(coordinates.observationCount == 2 && coordinates.observation() == [1, 0])
        _ = coordinates.step(GridAction.up.rawValue)
        _ = coordinates.step(GridAction.right.rawValue)
        #expect(coordinates.observation() == [Float(2) / 3, Float(1) / 11])
        let line = Gridworld(map: try GridMap.parse("SFG", source: "l.txt"), observation: .coordinates,
                             generator: RunSeed(1).generator(for: "env"))
        #expect(line.observation() == [0, 0])
    }

    @Test("every state-action's outcome probabilities sum to 1 on every shipped map, slippery or not")
    func probabilitiesSumToOne() throws {
        for builtin in BuiltinMaps.all {
            for slippery in [false, true] {
                var map = try GridMap.parse(builtin.text, source: builtin.name)
                map.settings.slippery = slippery
                let model = TransitionModel(map: map)
                for state in 0..<model.stateCount {
                    for action in 0..<4 {
                        let outcomes = model.outcomes(state: state, action: action)
                        if model.isWall[state] {
                            #expect(outcomes.isEmpty)
                        } else {
                            #expect(abs(outcomes.reduce(0) { $0 + $1.probability } - 1) < 1e-15)
                        }
                    }
                }
            }
        }
    }

    @Test("a success rate of 1 makes a slippery map deterministic; 0 makes it always slip sideways")
    func successRateExtremes() throws {
        var map = try GridMap.parse("success_rate: 1\nslippery: true\nmap:\n...\n.S.\n..G", source: "s.txt")
        #expect(TransitionModel(map: map).outcomes(state: 4, action: 0).map(\.next) == [1])
        map.settings.successRate = 0
        #expect(Set(TransitionModel(map: map).outcomes(state: 4, action: 0).map(\.next)) == [3, 5])
    }

    @Test("value iteration: walls have no values, terminal cells are 0, the maze is solved by its shortest path")
    func mazeValues() throws {
        let map = try Self.builtin("maze")
        let model = TransitionModel(map: map)
        let solution = ValueIteration(model: model, gamma: 0.9)
        #expect(solution.converged)
        for state in 0..<model.stateCount {
            #expect((solution.values[state] == nil) == (map.cells[state] == .wall))
            #expect((solution.policy[state] == nil) == (map.cells[state] == .wall || map.cells[state].isTerminal))
        }
        // Breadth-first search over the deterministic model gives the shortest path length n.
        var distance = [map.start: 0]
        var frontier = [map.start]
        while !frontier.isEmpty {
            frontier = frontier.flatMap { state in
                (0..<4).compactMap { action -> Int? in
                    let next = model.outcomes(state: state, action: action).first!.next
                    guard distance[next] == nil else { return nil }
                    distance[next] = distance[state]! + 1
                    return model.isTerminal[next] ? nil : next
                }
            }
        }
        let goal = try #require(map.cells.firstIndex(of: .goal))
        let n = try #require(distance[goal])
        // Every step, the last one into G included, costs 1: V*(start) = −(1 − γⁿ)/(1 − γ).
        let v = try #require(solution.values[map.start])
        #expect(abs(v + (1 - pow(0.9, Double(n))) / 0.1) < 1e-9)
        var env = Gridworld(map: map, generator: RunSeed(1).generator(for: "env"))
        var steps = 1
        while steps < 200, let action = solution.policy[env.position], !env.step(action).terminated { steps += 1 }
        #expect(env.position == goal && steps == n)
    }
}
