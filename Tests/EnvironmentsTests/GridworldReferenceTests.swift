import Foundation
import Testing
@testable import Environments

/// Checks the transition model and value iteration against gymnasium's own tables and values
/// (Fixtures/gridworld_qstar.json: FrozenLake-v1 4x4 slippery and not, CliffWalking-v1 slippery and not).
@Suite("Gridworld against gymnasium")
struct GridworldReferenceTests {
    struct Reference: Decodable {
        let environments: [Environment]
    }

    struct Environment: Decodable {
        let id: String
        let family: String
        let desc: [String]
        let is_slippery: Bool
        let start_states: [Int]
        let terminal_states: [Int]
        let unreachable_or_terminal_states: [Int]?
        let transitions: [[[Entry]]]
        let solutions: [Solution]

        /// Our action index for each of gymnasium's (FrozenLake: LEFT, DOWN, RIGHT, UP; CliffWalking: ours).
        var ourAction: [Int] { family == "FrozenLake" ? [3, 2, 1, 0] : [0, 1, 2, 3] }
    }

    struct Entry: Decodable {
        let p: Double
        let next: Int
        let reward: Double
        let terminated: Bool
    }

    struct Solution: Decodable {
        let gamma: Double
        let V: [Double]
        let Q: [[Double]]
        let optimal_actions: [[Int]]
    }

    static let reference: Reference = {
        let url = Bundle.module.url(forResource: "gridworld_qstar", withExtension: "json", subdirectory: "Fixtures")!
        return try! JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }()

    /// Our map for a reference environment: the shipped map of that family, slipping as the reference does.
    static func map(for environment: Environment) throws -> GridMap {
        let name = environment.family == "FrozenLake" ? "frozenlake4x4" : "cliffwalking"
        var map = try MapLocator(directory: "/nonexistent").load(name)
        map.settings.slippery = environment.is_slippery
        return map
    }

    static var environmentIDs: [String] { reference.environments.map(\.id) }

    static func environment(_ id: String) -> Environment {
        reference.environments.first { $0.id == id }!
    }

    @Test("the shipped maps have the reference's cells and start", arguments: environmentIDs)
    func layout(id: String) throws {
        let environment = Self.environment(id)
        let map = try Self.map(for: environment)
        let letters = map.cells.map { $0 == .empty ? "F" : String($0.character) }
        #expect(letters.joined() == environment.desc.joined())
        #expect([map.start] == environment.start_states)
        #expect(map.cells.indices.filter { map.cells[$0].isTerminal } == environment.terminal_states)
    }

    @Test("the transition model equals gymnasium's P once duplicate outcomes are merged", arguments: environmentIDs)
    func transitions(id: String) throws {
        let environment = Self.environment(id)
        let model = TransitionModel(map: try Self.map(for: environment))
        // FrozenLake's slip probabilities are reproduced bit for bit (ours lists slips in its order). Slippery
        // CliffWalking writes 1/3 for the perpendicular moves where FrozenLake's rule (ours) gives (1 − 1/3)/2,
        // a unit in the last place more, and lists them the other way round.
        let tolerance = environment.family == "FrozenLake" ? 0 : 1e-15
        for state in environment.transitions.indices {
            // gymnasium lists ordinary moves out of CliffWalking's goal, which no agent takes; ours is absorbing.
            if environment.family == "CliffWalking" && environment.terminal_states.contains(state) { continue }
            for (theirAction, entries) in environment.transitions[state].enumerated() {
                var merged: [Entry] = []
                for entry in entries {
                    if let same = merged.firstIndex(where: {
                        $0.next == entry.next && $0.reward == entry.reward && $0.terminated == entry.terminated
                    }) {
                        merged[same] = Entry(
                            p: merged[same].p + entry.p, next: entry.next, reward: entry.reward,
                            terminated: entry.terminated)
                    } else {
                        merged.append(entry)
                    }
                }
                let ours = model.outcomes(state: state, action: environment.ourAction[theirAction])
                    .sorted { ($0.next, $0.reward) < ($1.next, $1.reward) }
                merged.sort { ($0.next, $0.reward) < ($1.next, $1.reward) }
                #expect(ours.count == merged.count, "state \(state), action \(theirAction)")
                for (mine, theirs) in zip(ours, merged) {
                    #expect(mine.next == theirs.next && mine.reward == theirs.reward)
                    #expect(mine.terminated == theirs.terminated)
                    #expect(abs(mine.probability - theirs.p) <= tolerance, "state \(state), action \(theirAction)")
                }
            }
        }
    }

    @Test("value iteration gives gymnasium's V* and Q* within 1e-9 for both γ", arguments: environmentIDs)
    func values(id: String) throws {
        let environment = Self.environment(id)
        let model = TransitionModel(map: try Self.map(for: environment))
        for solution in environment.solutions {
            let result = ValueIteration(model: model, gamma: solution.gamma)
            #expect(result.converged)
            for state in 0..<model.stateCount {
                if model.isTerminal[state] {
                    // Ours are 0 by definition; gymnasium's CliffWalking goal value is an artefact of its P.
                    #expect(result.values[state] == 0 && result.actionValues[state] == [0, 0, 0, 0])
                    continue
                }
                let v = try #require(result.values[state])
                let q = try #require(result.actionValues[state])
                #expect(abs(v - solution.V[state]) < 1e-9, "V(\(state)) at γ = \(solution.gamma)")
                for (theirAction, theirQ) in solution.Q[state].enumerated() {
                    #expect(abs(q[environment.ourAction[theirAction]] - theirQ) < 1e-9, "Q(\(state), \(theirAction))")
                }
            }
        }
    }

    @Test("the greedy policy picks one of gymnasium's optimal actions in every state an agent acts in",
          arguments: environmentIDs)
    func policy(id: String) throws {
        let environment = Self.environment(id)
        let model = TransitionModel(map: try Self.map(for: environment))
        let ignored = Set(environment.unreachable_or_terminal_states ?? environment.terminal_states)
        for solution in environment.solutions {
            let result = ValueIteration(model: model, gamma: solution.gamma)
            for state in 0..<model.stateCount where !ignored.contains(state) {
                let action = try #require(result.policy[state])
                let optimal = solution.optimal_actions[state].map { environment.ourAction[$0] }
                #expect(optimal.contains(action), "state \(state), γ = \(solution.gamma)")
            }
            #expect(result.policy[model.start] != nil)
        }
    }

    @Test("spot values: slippery FrozenLake V*(0) = 0.54202593…, CliffWalking V*(36) = −(1 − 0.99¹³)/0.01")
    func spotValues() throws {
        var lake = try MapLocator(directory: "/nonexistent").load("frozenlake4x4")
        lake.settings.slippery = true
        let lakeValue = try #require(ValueIteration(model: TransitionModel(map: lake), gamma: 0.99).values[0])
        #expect(abs(lakeValue - 0.5420259319846239) < 1e-10)
        lake.settings.slippery = false
        let straight = try #require(ValueIteration(model: TransitionModel(map: lake), gamma: 0.99).values[0])
        #expect(abs(straight - pow(0.99, 5)) < 1e-12)
        let cliff = try MapLocator(directory: "/nonexistent").load("cliffwalking")
        let cliffValue = try #require(ValueIteration(model: TransitionModel(map: cliff), gamma: 0.99).values[36])
        #expect(abs(cliffValue + (1 - pow(0.99, 13)) / 0.01) < 1e-10)
    }
}
