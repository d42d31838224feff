import Agents
import Environments
import RLCore
import Testing
@testable import Experiments

@Suite("HER bit-flipping experiment")
struct HindsightBitFlipExperimentTests {
    /// The paper's schedule shrunk to seconds: a narrow network, one short epoch.
    static var small: HindsightBitFlipExperiment.Settings {
        var settings = HindsightBitFlipExperiment.Settings()
        settings.hiddenSize = 64
        settings.batchSize = 64
        settings.bufferSize = 20_000
        settings.cyclesPerEpoch = 50
        settings.fixedEpochs = 1
        return settings
    }

    @Test("on 8 bits HER future succeeds far more often than DQN without HER after the same training")
    func herBeatsNoHER() {
        let without = HindsightBitFlipExperiment.successRate(bits: 8, hindsight: .none, seed: 0, settings: Self.small)
        let future = HindsightBitFlipExperiment.successRate(bits: 8, hindsight: .future, seed: 0, settings: Self.small)
        #expect(future >= without + 0.4, "future \(future), none \(without)")
        #expect(future >= 0.8, "future \(future)")
    }

    @Test("the same seed gives the same success rate and the same network")
    func reproducible() {
        var settings = Self.small
        settings.cyclesPerEpoch = 3
        let first = HindsightBitFlipExperiment.trainedAgent(bits: 6, hindsight: .final, seed: 4, settings: settings)
        let again = HindsightBitFlipExperiment.trainedAgent(bits: 6, hindsight: .final, seed: 4, settings: settings)
        #expect(first.qFunction.network.parameterValues == again.qFunction.network.parameterValues)
        let other = HindsightBitFlipExperiment.trainedAgent(bits: 6, hindsight: .final, seed: 5, settings: settings)
        #expect(first.qFunction.network.parameterValues != other.qFunction.network.parameterValues)
    }

    @Test("the schedule trains ⌈0.4·n⌉ epochs, at least the minimum, or the fixed number for every n")
    func epochs() {
        var settings = HindsightBitFlipExperiment.Settings()
        #expect([1, 5, 30, 50].map(settings.epochs(bits:)) == [1, 2, 12, 20])
        settings.fixedEpochs = 7
        #expect(settings.epochs(bits: 50) == 7)
    }

    @Test("targets are clipped to [−1/(1−γ), 0] and updates come only from the cycle schedule")
    func agentSetUp() throws {
        var settings = Self.small
        settings.cyclesPerEpoch = 2
        let agent = HindsightBitFlipExperiment.trainedAgent(bits: 5, hindsight: .future, seed: 1, settings: settings)
        #expect(agent.qFunction.targetBounds == Float(-1 / (1 - 0.98))...0)
        #expect(agent.gradientSteps == 2 * settings.optimisationSteps)
        #expect(agent.qFunction.targets.allSatisfy { $0 >= -50.0001 && $0 <= 0 })
        #expect(agent.hyperparameters.integer(.hiddenLayers) == 1)
    }

    @Test("a greedy test episode that starts at its goal counts as a success")
    func startAtGoal() throws {
        let agent = HindsightBitFlipExperiment.trainedAgent(bits: 1, hindsight: .none, seed: 0,
                                                            settings: { var s = Self.small; s.cyclesPerEpoch = 1; return s }())
        // With one bit the start equals the goal half the time; the one action flips it, so the other half
        // succeed too: every episode is a success whatever the network says.
        var environment: any Environment = BitFlipping(bits: 1, generator: RunSeed(9).generator(for: "test"))
        #expect(HindsightBitFlipExperiment.successRate(of: agent, on: &environment, episodes: 40) == 1)
    }
}
