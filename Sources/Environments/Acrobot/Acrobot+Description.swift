import RLCore

extension Acrobot: RegisteredEnvironment {
    public static let descriptor = EnvironmentDescriptor(
        name: "acrobot",
        summary: "Acrobot-v1 as in gymnasium: swing the tip of two links above a line; −1 per step, 500 steps at most"
    )

    public init(options: EnvironmentOptions, generator: Xoshiro256StarStar) {
        self.init(generator: generator)
    }

    public var observationLayout: ObservationLayout {
        .vector(count: 6, components: ["cos θ₁", "sin θ₁", "cos θ₂", "sin θ₂", "θ̇₁", "θ̇₂"])
    }

    /// gymnasium's reward threshold, −100.
    public var solvedThreshold: Double? { Self.rewardThreshold }

    /// 1, the cost of every step.
    public var maximumAbsoluteReward: Double { 1 }

    /// 500 steps, Acrobot-v1's TimeLimit.
    public var timeLimit: Int? { Self.maxEpisodeSteps }

    public var sceneLayout: SceneLayout { .acrobot }

    public var sceneState: SceneState { .acrobot(state) }

    /// Only the current state: a value view over Acrobot's four dimensions is not drawn yet.
    public var inspectionPoints: InspectionPoints {
        InspectionPoints(domain: .currentState, observations: [])
    }

    public func optimalActionValues(gamma: Double?) -> [[Double]]? { nil }
}
