import RLCore

extension CartPole: RegisteredEnvironment {
    public static let descriptor = EnvironmentDescriptor(
        name: "cartpole",
        summary: "CartPole-v1 as in gymnasium: balance a pole on a cart; +1 per step, 500 steps at most"
    )

    /// The value view's slice: θ within the termination angle (±12°), θ̇ in ±2 rad/s, where a learned policy
    /// spends its time, on a grid of `sliceRows` × `sliceColumns` states with x = ẋ = 0.
    public static let sliceAngles = -thetaThresholdRadians...thetaThresholdRadians
    public static let sliceAngularVelocities = -2.0...2.0
    public static let sliceRows = 9
    public static let sliceColumns = 25

    /// Its resets draw exactly what CartPole-v1's do after `env.reset(seed: N)`.
    public static let takesGymSeed = true

    /// With `options.gymSeed`, its resets draw from gymnasium's generator seeded with it (`--gym-seed`).
    public init(options: EnvironmentOptions, generator: Xoshiro256StarStar) {
        self.init(random: EnvironmentRandom(gymSeed: options.gymSeed, generator: generator))
    }

    public var observationLayout: ObservationLayout { .vector(count: 4, components: ["x", "ẋ", "θ", "θ̇"]) }

    /// gymnasium's reward threshold, 475.
    public var solvedThreshold: Double? { Self.rewardThreshold }

    /// 1, the reward of every step.
    public var maximumAbsoluteReward: Double { 1 }

    /// 500 steps, CartPole-v1's TimeLimit.
    public var timeLimit: Int? { Self.maxEpisodeSteps }

    public var sceneLayout: SceneLayout { .cartPole(trackLimit: Self.xThreshold) }

    public var sceneState: SceneState { .cartPole(state) }

    /// The θ × θ̇ slice, row by row from the highest θ̇ down, θ rising along each row.
    public var inspectionPoints: InspectionPoints {
        let (rows, columns) = (Self.sliceRows, Self.sliceColumns)
        let observations = (0..<(rows * columns)).map { point -> [Float]? in
            let angle = Self.interpolate(Self.sliceAngles, point % columns, of: columns)
            let velocity = Self.interpolate(Self.sliceAngularVelocities, rows - 1 - point / columns, of: rows)
            return [0, 0, Float(angle), Float(velocity)]
        }
        return InspectionPoints(
            domain: .cartPoleSlice(angles: Self.sliceAngles, angularVelocities: Self.sliceAngularVelocities,
                                   rows: rows, columns: columns),
            observations: observations)
    }

    public func optimalActionValues(gamma: Double?) -> [[Double]]? { nil }

    /// The `index`-th of `count` evenly spaced points from the low end of `range` to its high end.
    private static func interpolate(_ range: ClosedRange<Double>, _ index: Int, of count: Int) -> Double {
        count > 1 ? range.lowerBound + (range.upperBound - range.lowerBound) * Double(index) / Double(count - 1)
            : range.lowerBound
    }
}
