import Agents
import Environments
import RLCore
import Testing
@testable import Training

/// Whether the tests were compiled with optimisation: learning tests train real networks for tens of
/// thousands of steps, seconds in a release build and minutes in a debug one, so they run in release
/// (`swift test -c release`, what CI runs).
let isOptimizedBuild: Bool = {
    #if DEBUG
    return false
    #else
    return true
    #endif
}()

@Suite("Q-learning finds the optimal path", .enabled(if: isOptimizedBuild, "learning tests run in release builds"))
struct LearningTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let environment: String
        let algorithm: Algorithm
        let steps: Int
        let seed: UInt64
        var options = AgentOptions()
        let settings: [HyperparameterKey: Double]

        var testDescription: String {
            ([algorithm.name] + options.chosen.map(\.flag) + ["on", environment]).joined(separator: " ")
        }
    }

    /// Settings chosen for these maps (γ = 0.9 keeps the values small; the measurements across seeds are in
    /// docs/RESULTS.md, "Q-learning finds the optimal path"). Online Q-iteration's plain step learns
    /// cliffwalking only in runs several times longer, so there the test runs its `--adam` step.
    static let cases: [Case] = [
        Case(environment: "cliffwalking", algorithm: .dqn, steps: 30_000, seed: 1, settings: [
            .gamma: 0.9, .epsilonStart: 0.5, .epsilonEnd: 0.02, .explorationFraction: 0.5, .learningStarts: 500, .targetPeriod: 100,
        ]),
        Case(environment: "frozenlake4x4", algorithm: .dqn, steps: 10_000, seed: 1, settings: [
            .gamma: 0.9, .epsilonEnd: 0.02, .explorationFraction: 0.5, .learningStarts: 500, .targetPeriod: 100,
        ]),
        Case(environment: "cliffwalking", algorithm: .fqi, steps: 20_000, seed: 1, settings: [
            .gamma: 0.9, .epsilonEnd: 0.02, .explorationFraction: 0.5, .batchSize: 128,
        ]),
        Case(environment: "frozenlake4x4", algorithm: .fqi, steps: 10_000, seed: 1, settings: [
            .gamma: 0.9, .epsilonEnd: 0.02, .explorationFraction: 0.5,
        ]),
        Case(environment: "cliffwalking", algorithm: .onlineQ, steps: 30_000, seed: 1,
             options: AgentOptions(adam: true), settings: [
            .gamma: 0.9, .epsilonEnd: 0.02, .explorationFraction: 0.5, .learningRate: 3e-4,
        ]),
        Case(environment: "frozenlake4x4", algorithm: .onlineQ, steps: 10_000, seed: 1, settings: [
            .gamma: 0.9, .epsilonEnd: 0.02, .explorationFraction: 0.5, .learningRate: 0.1,
        ]),
    ]

    @Test("the greedy path from the start takes only value-iteration-optimal actions and reaches the goal as fast",
          arguments: cases)
    func optimalPath(_ testCase: Case) throws {
        let configuration = try TrainingConfiguration(
            environment: EnvironmentSpec(name: testCase.environment), algorithm: testCase.algorithm,
            hyperparameters: testCase.settings, options: testCase.options, steps: testCase.steps, seed: testCase.seed)
        let trainer = try Trainer(configuration)
        _ = try trainer.run()
        var grid = try #require(try EnvironmentSpec(name: testCase.environment).make(generator: RunSeed(0).generator(for: "env"))
            as? Gridworld)
        let optimal = OptimalPath(grid: grid, gamma: testCase.settings[.gamma]!)
        grid.reset()
        var states = [grid.position]
        for _ in 0..<(2 * optimal.actions.count) {
            let action = grid.observation().withUnsafeBufferPointer { trainer.agent.actGreedily($0) }
            #expect(optimal.isOptimal(action, in: grid.position), "action \(action) in state \(grid.position)")
            let outcome = grid.step(action)
            states.append(grid.position)
            if outcome.isDone { break }
        }
        #expect(states.count == optimal.states.count, "greedy path \(states), value iteration's \(optimal.states)")
        #expect(states.last == optimal.states.last)
    }
}
