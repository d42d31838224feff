import Agents
import Environments
import RLCore
import Testing
@testable import Experiments

@Suite("Overestimation: DQN against Double DQN on CartPole")
struct CartPoleOverestimationExperimentTests {
    static func untrainedAgent() throws -> DQNAgent {
        try DQNAgent(AgentConfiguration(observationCount: 4, actionCount: 2, totalSteps: 1000, seed: RunSeed(3),
                                        hyperparameters: Hyperparameters(defaultsFor: .dqn)))
    }

    @Test("G counts the rewards up to the fall, discounted: 1 when the cart leaves at once, 1 + γ a step later")
    func discountedReturn() throws {
        let agent = try Self.untrainedAgent()
        // x = 2.39, ẋ = 1: x becomes 2.41 > 2.4 on the first step whichever way the cart is pushed.
        let atOnce = CartPole.State(x: 2.39, xDot: 1, theta: 0, thetaDot: 0)
        func g(from state: CartPole.State, horizon: Int = 1000) -> Double {
            CartPoleOverestimationExperiment.discountedReturn(of: agent, from: state, gamma: 0.99, horizon: horizon)
        }
        #expect(g(from: atOnce) == 1)
        // x = 2.37, ẋ = 1: x = 2.39 after one step, and one push changes ẋ by 0.02·|ẍ| < 0.3, so x > 2.4 after two.
        let second = CartPole.State(x: 2.37, xDot: 1, theta: 0, thetaDot: 0)
        #expect(g(from: second) == 1 + 0.99)
        #expect(g(from: second, horizon: 1) == 1)
    }

    @Test("the probe states come from the probe seed, none of them terminal")
    func probeStates() {
        var settings = CartPoleOverestimationExperiment.Settings()
        settings.probeStates = 60
        let states = CartPoleOverestimationExperiment.probeStates(settings: settings)
        #expect(states.count == 60)
        #expect(!states.contains(where: CartPole.isOutOfBounds))
        #expect(CartPoleOverestimationExperiment.probeStates(settings: settings) == states)
        settings.probeSeed = 1
        #expect(CartPoleOverestimationExperiment.probeStates(settings: settings) != states)
    }

    @Test("a trained agent's G lies within what CartPole can pay, and the same seed gives the same outcome")
    func outcome() throws {
        var settings = CartPoleOverestimationExperiment.Settings()
        settings.steps = 3000
        settings.probeStates = 20
        settings.policyEpisodes = 2
        settings.evaluationEpisodes = 2
        let states = CartPoleOverestimationExperiment.probeStates(settings: settings)
        func run() throws -> CartPoleOverestimationExperiment.Outcome {
            try CartPoleOverestimationExperiment.run(double: true, seed: 0, states: states, settings: settings)
        }
        let outcome = try run()
        for comparison in [outcome.probeStates, outcome.policyStates] {
            #expect(comparison.meanReturn >= 1 && comparison.meanReturn < 100)
            #expect(comparison.meanMaxQ.isFinite)
        }
        #expect(outcome.stoppedAt == nil)
        #expect(try run() == outcome)
    }
}
