import Foundation
import RLCore

extension Acrobot: RegisteredEnvironment {
    public static let descriptor = EnvironmentDescriptor(
        name: "acrobot",
        summary: "Acrobot-v1 as in gymnasium: swing the tip of two links above a line; −1 per step, 500 steps at most"
    )

    /// The value view's slice: the first link's angle θ₁ across a whole turn and its rate θ̇₁ down its clip
    /// range, with the second link straight (θ₂ = 0) and still (θ̇₂ = 0).
    public static let slice = StateSlice(
        horizontal: SliceAxis(name: "θ₁", stateComponent: 0, range: -Double.pi...Double.pi, count: 25),
        vertical: SliceAxis(name: "θ̇₁", stateComponent: 2, range: -maxVelocity1...maxVelocity1, count: 9),
        actionNames: ["-1", "0", "+1"], actionDirections: [-1, 0, 1])

    public static let takesGymSeed = true

    /// With `options.gymSeed`, its resets draw from gymnasium's generator seeded with it (`--gym-seed`).
    public init(options: EnvironmentOptions, generator: Xoshiro256StarStar) {
        self.init(random: EnvironmentRandom(gymSeed: options.gymSeed, generator: generator))
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

    /// Every point of `slice`, as the observation the agent would see there.
    public var inspectionPoints: InspectionPoints {
        let slice = Self.slice
        let observations = (0..<slice.pointCount).map { index -> [Float]? in
            let (theta1, theta1Dot) = slice.coordinates(of: index)
            return [Float(cos(theta1)), Float(sin(theta1)), 1, 0, Float(theta1Dot), 0]
        }
        return InspectionPoints(domain: .stateSlice(slice), observations: observations)
    }

    public func optimalActionValues(gamma: Double?) -> [[Double]]? { nil }
}
