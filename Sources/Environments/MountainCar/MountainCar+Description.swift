import RLCore

extension MountainCar: RegisteredEnvironment {
    public static let descriptor = EnvironmentDescriptor(
        name: "mountaincar",
        summary: "MountainCar-v0 as in gymnasium: rock a weak car up to the flag; −1 per step, 200 steps at most"
    )

    public init(options: EnvironmentOptions, generator: Xoshiro256StarStar) {
        self.init(generator: generator)
    }

    public var observationLayout: ObservationLayout { .vector(count: 2, components: ["x", "v"]) }

    /// gymnasium's reward threshold, −110.
    public var solvedThreshold: Double? { Self.rewardThreshold }

    /// 1, the cost of every step.
    public var maximumAbsoluteReward: Double { 1 }

    /// 200 steps, MountainCar-v0's TimeLimit.
    public var timeLimit: Int? { Self.maxEpisodeSteps }

    public var sceneLayout: SceneLayout {
        .mountainCar(positions: Self.minPosition...Self.maxPosition, goal: Self.goalPosition)
    }

    public var sceneState: SceneState { .mountainCar(state) }

    /// Only the current state: the position × velocity value view is not drawn yet.
    public var inspectionPoints: InspectionPoints {
        InspectionPoints(domain: .currentState, observations: [])
    }

    public func optimalActionValues(gamma: Double?) -> [[Double]]? { nil }
}
