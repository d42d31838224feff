import Agents
import RLCore

/// Shared helpers for the experiment tests.
enum ExperimentTestSupport {
    /// A VPG agent with its defaults, shaped for CartPole-v1 (4 observations, 2 actions).
    static func cartPoleVPG(seed: UInt64 = 1) throws -> VPGAgent {
        try VPGAgent(AgentConfiguration(observationCount: 4, actionCount: 2, totalSteps: 10_000, seed: RunSeed(seed),
                                        hyperparameters: Hyperparameters(defaultsFor: .vpg)))
    }
}
