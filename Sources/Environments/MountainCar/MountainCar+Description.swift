import RLCore

extension MountainCar: RegisteredEnvironment {
    public static let descriptor = EnvironmentDescriptor(
        name: "mountaincar",
        summary: "MountainCar-v0 as in gymnasium: rock a weak car up to the flag; −1 per step, 200 steps at most"
    )

    /// The value view: the whole state space, position across and velocity down, on a `sliceColumns` ×
    /// `sliceRows` grid (Sutton & Barto's cost-to-go figure, §10.1).
    public static let slice = StateSlice(
        horizontal: SliceAxis(name: "x", stateComponent: 0, range: minPosition...maxPosition, count: 25),
        vertical: SliceAxis(name: "v", stateComponent: 1, range: -maxSpeed...maxSpeed, count: 9),
        actionNames: ["left", "none", "right"], actionDirections: [-1, 0, 1])

    public static let takesGymSeed = true

    /// With `options.gymSeed`, its resets draw from gymnasium's generator seeded with it (`--gym-seed`).
    public init(options: EnvironmentOptions, generator: Xoshiro256StarStar) {
        self.init(random: EnvironmentRandom(gymSeed: options.gymSeed, generator: generator))
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

    /// Every point of `slice`, as the float32 observation [x, v].
    public var inspectionPoints: InspectionPoints {
        let slice = Self.slice
        let observations = (0..<slice.pointCount).map { index -> [Float]? in
            let (position, velocity) = slice.coordinates(of: index)
            return [Float(position), Float(velocity)]
        }
        return InspectionPoints(domain: .stateSlice(slice), observations: observations)
    }

    public func optimalActionValues(gamma: Double?) -> [[Double]]? { nil }
}
