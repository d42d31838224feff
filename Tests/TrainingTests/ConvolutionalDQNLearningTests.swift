import Agents
import Environments
import RLCore
import Testing
@testable import Training

/// DQN learns MinAtar Breakout from its frames through the convolutional network: within 50,000 frames the
/// training return clearly beats a random policy's.
@Suite("DQN learns MinAtar Breakout from pixels", .enabled(if: isOptimizedBuild, "learning tests run in release builds"))
struct ConvolutionalDQNLearningTests {
    /// The mean return of 4,494 episodes of uniformly random actions on minatar-breakout (50,000 frames, seed 0:
    /// `rlterm train --env minatar-breakout --algo dqn --steps 50000 --eps-start 1 --eps-end 1
    /// --learning-starts 50000`), 0.50; the test measures it again below rather than trusting the number.
    static let randomSteps = 20_000

    /// The paper's DQN (the preset's values) with ε's decay shortened to 20,000 frames so a test budget sees
    /// the greedy policy act.
    static let settings: [HyperparameterKey: Double] = [
        .learningRate: 2.5e-4, .targetPeriod: 1000, .batchSize: 32, .bufferSize: 100_000, .learningStarts: 5000,
        .epsilonStart: 1, .epsilonEnd: 0.1, .explorationFraction: 0.4, .hiddenSize: 128, .hiddenLayers: 1,
    ]

    /// The mean return of the last 100 training episodes (the figure `rlterm train` reports).
    static func lastHundredMean(_ summary: TrainingSummary) -> Double {
        let last = summary.episodes.suffix(100)
        return last.map(\.reward).reduce(0, +) / Double(last.count)
    }

    @Test("after 50,000 frames (seed 1) the last 100 training episodes average at least 3 times a random policy's return")
    func beatsRandom() throws {
        var random = Self.settings
        random[.epsilonEnd] = 1
        random[.learningStarts] = Double(Self.randomSteps)
        let randomRun = try Trainer(try TrainingConfiguration(
            environment: EnvironmentSpec(name: "minatar-breakout"), algorithm: .dqn, hyperparameters: random,
            steps: Self.randomSteps, seed: 0)).run()
        let randomReturns = randomRun.episodes.map(\.reward)
        let randomMean = randomReturns.reduce(0, +) / Double(randomReturns.count)
        #expect(randomMean > 0.4 && randomMean < 0.6, "a random policy scores about 0.5 a game")

        let configuration = try TrainingConfiguration(
            environment: EnvironmentSpec(name: "minatar-breakout"), algorithm: .dqn, hyperparameters: Self.settings,
            steps: 50_000, seed: 1)
        let trainer = try Trainer(configuration)
        #expect(trainer.agent.networkSummary.hasPrefix("Q = conv 16 3×3 → 128 → 6"))
        let learned = Self.lastHundredMean(try trainer.run())
        #expect(learned >= 3 * randomMean, "the last 100 episodes averaged \(learned), random \(randomMean)")
    }
}
