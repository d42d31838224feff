import Foundation
import RLCore
import Testing
@testable import Environments

/// `--gym-seed`: environments reset and slip exactly as gymnasium's do after `env.reset(seed=N)`, checked against
/// Fixtures/gymnasium_seeded_episodes.json (written by Fixtures/generate_gymnasium_seeding.py from gymnasium
/// 1.4.0 and numpy 2.4.6): CartPole-v1 start states for 118 seeds, resets continued without a seed, and whole
/// runs of CartPole, FrozenLake and CliffWalking under a fixed action sequence.
@Suite("gymnasium's seeding, replayed")
struct GymnasiumSeedingTests {
    struct Reference: Decodable, Sendable {
        let cartpole_resets: [SingleReset]
        let cartpole_continued_resets: [ContinuedResets]
        let cartpole_runs: [CartPoleRun]
        let acrobot_resets: [ContinuedResets]
        let mountaincar_resets: [ContinuedResets]
        let toy_text_runs: [ToyTextRun]
    }

    struct SingleReset: Decodable, Sendable {
        let seed: String
        let state: [String]
    }

    struct ContinuedResets: Decodable, Sendable {
        let seed: String
        let states: [[String]]
    }

    /// One reset (action nil) or step of a recorded run; `State` is [hex double] for CartPole, Int for a map.
    struct Event<State: Decodable & Sendable>: Decodable, Sendable {
        let action: Int?
        let state: State
        let reward: Double?
        let terminated: Bool?
        let truncated: Bool?
    }

    struct CartPoleRun: Decodable, Sendable {
        let seed: String
        let events: [Event<[String]>]
    }

    struct ToyTextRun: Decodable, Sendable {
        let id: String
        let map: String
        let slippery: Bool
        let seed: String
        let events: [Event<Int>]
    }

    static let reference: Reference = {
        let url = Bundle.module.url(forResource: "gymnasium_seeded_episodes", withExtension: "json",
                                    subdirectory: "Fixtures")!
        return try! JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }()

    static func state(_ components: [String]) -> [UInt64] { components.map { Double($0)!.bitPattern } }
    static func bits(_ state: CartPole.State) -> [UInt64] { state.components.map(\.bitPattern) }

    static func cartPole(seed: String) throws -> CartPole {
        let options = EnvironmentOptions(gymSeed: GymSeed(seed)!)
        let environment = try EnvironmentRegistry.make("cartpole", options: options,
                                                       generator: RunSeed(1).generator(for: "env"))
        return try #require(environment as? CartPole)
    }

    @Test("CartPole's reset draws gymnasium's start state for each of 118 seeds (0…99 and 0 to past 2¹⁹⁰)")
    func cartPoleResets() throws {
        #expect(Self.reference.cartpole_resets.count == 118)
        for entry in Self.reference.cartpole_resets {
            var environment = try Self.cartPole(seed: entry.seed)
            environment.reset()
            #expect(Self.bits(environment.state) == Self.state(entry.state), "seed \(entry.seed)")
        }
    }

    @Test("before its first reset CartPole shows the start state that reset will draw, and draws nothing")
    func stateBeforeFirstReset() throws {
        let entry = Self.reference.cartpole_resets[5]
        var environment = try Self.cartPole(seed: entry.seed)
        #expect(Self.bits(environment.state) == Self.state(entry.state))
        environment.reset()
        #expect(Self.bits(environment.state) == Self.state(entry.state))
    }

    @Test("resets without a seed continue the generator, as SB3's vectorised environments reset")
    func continuedResets() throws {
        for entry in Self.reference.cartpole_continued_resets {
            var environment = try Self.cartPole(seed: entry.seed)
            for (index, expected) in entry.states.enumerated() {
                environment.reset()
                #expect(Self.bits(environment.state) == Self.state(expected), "seed \(entry.seed), reset \(index)")
            }
        }
    }

    @Test("whole CartPole runs replay bit for bit: every state, reward and flag, across episodes")
    func cartPoleRuns() throws {
        for run in Self.reference.cartpole_runs {
            var environment = try Self.cartPole(seed: run.seed)
            for (index, event) in run.events.enumerated() {
                if let action = event.action {
                    let outcome = environment.step(action)
                    #expect(outcome.reward == event.reward && outcome.terminated == event.terminated
                            && outcome.truncated == event.truncated, "seed \(run.seed), event \(index)")
                } else {
                    environment.reset()
                }
                #expect(Self.bits(environment.state) == Self.state(event.state), "seed \(run.seed), event \(index)")
            }
        }
    }

    static func gridworld(_ run: ToyTextRun) throws -> Gridworld {
        let options = EnvironmentOptions(forceSlippery: run.slippery, gymSeed: GymSeed(run.seed)!)
        let environment = try EnvironmentRegistry.make(run.map, options: options,
                                                       generator: RunSeed(1).generator(for: "env"))
        return try #require(environment as? Gridworld)
    }

    @Test("FrozenLake and CliffWalking runs replay cell for cell, slips included, across episodes")
    func toyTextRuns() throws {
        #expect(Set(Self.reference.toy_text_runs.map(\.map)) == ["frozenlake4x4", "frozenlake8x8", "cliffwalking"])
        for run in Self.reference.toy_text_runs {
            // gymnasium's action numbers: FrozenLake LEFT DOWN RIGHT UP, CliffWalking UP RIGHT DOWN LEFT (ours).
            let ours = run.id.hasPrefix("FrozenLake") ? [3, 2, 1, 0] : [0, 1, 2, 3]
            var environment = try Self.gridworld(run)
            let label = "\(run.id) slippery \(run.slippery) seed \(run.seed)"
            for (index, event) in run.events.enumerated() {
                if let action = event.action {
                    let outcome = environment.step(ours[action])
                    #expect(outcome.reward == event.reward && outcome.terminated == event.terminated
                            && outcome.truncated == event.truncated, "\(label), event \(index)")
                } else {
                    environment.reset()
                }
                #expect(environment.position == event.state, "\(label), event \(index)")
            }
        }
    }

    @Test("Acrobot and MountainCar draw gymnasium's start states for 68 seeds, and continue its generator")
    func classicControlResets() throws {
        func check(_ name: String, _ entries: [ContinuedResets], state: (any Environment) -> [Double]?) throws {
            #expect(entries.count == 68)
            for entry in entries {
                var environment = try EnvironmentRegistry.make(name, options: EnvironmentOptions(gymSeed: GymSeed(entry.seed)!),
                                                               generator: RunSeed(1).generator(for: "env"))
                #expect(state(environment).map { $0.map(\.bitPattern) } == Self.state(entry.states[0]),
                        "\(name) seed \(entry.seed), before the first reset")
                for (index, expected) in entry.states.enumerated() {
                    environment.reset()
                    #expect(state(environment).map { $0.map(\.bitPattern) } == Self.state(expected),
                            "\(name) seed \(entry.seed), reset \(index)")
                }
            }
        }
        try check("acrobot", Self.reference.acrobot_resets) { ($0 as? Acrobot)?.state.components }
        try check("mountaincar", Self.reference.mountaincar_resets) { ($0 as? MountainCar)?.state.components }
    }

    @Test("without a gym seed Acrobot and MountainCar draw from the run's stream, as before")
    func classicControlStreamUnchanged() throws {
        var generator = RunSeed(3).generator(for: "env")
        let acrobot = try EnvironmentRegistry.make("acrobot", generator: generator)
        let drawn = (0..<4).map { _ in Double(Float(generator.uniform(-Acrobot.resetBound, Acrobot.resetBound))) }
        #expect((acrobot as? Acrobot)?.state.components == drawn)
        generator = RunSeed(3).generator(for: "env")
        let mountainCar = try EnvironmentRegistry.make("mountaincar", generator: generator)
        let position = generator.uniform(-0.6, -0.4)
        #expect((mountainCar as? MountainCar)?.state.components == [position, 0])
    }

    @Test("without a gym seed CartPole draws its start state from the run's stream, as before")
    func streamUnchanged() throws {
        var generator = RunSeed(3).generator(for: "env")
        let environment = try EnvironmentRegistry.make("cartpole", generator: generator)
        let drawn = (0..<4).map { _ in generator.uniform(-CartPole.resetBound, CartPole.resetBound) }
        #expect((environment as? CartPole)?.state.components == drawn)
    }
}
