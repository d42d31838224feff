import Agents
import Environments
import RLCore

extension AgentConfiguration {
    /// The configuration of an agent for `environment`: its shapes, whether it has goals, and the image its
    /// observation is when it describes itself as one (`ObservationLayout.image`), so DQN can choose its
    /// convolutional network and packed replay from what the environment says rather than from its name.
    public init(for environment: any Environment, totalSteps: Int, seed: RunSeed, hyperparameters: Hyperparameters,
                options: AgentOptions) {
        var image: ObservationImage?
        if let described = environment as? any DescribedEnvironment,
           case .image(let height, let width, let channels) = described.observationLayout {
            image = ObservationImage(height: height, width: width, channels: channels.count)
        }
        self.init(observationCount: environment.observationCount, actionCount: environment.actionCount,
                  totalSteps: totalSteps, seed: seed, hyperparameters: hyperparameters, options: options,
                  isGoalEnvironment: environment is any GoalEnvironment, observationImage: image)
    }
}
