import RLCore

extension BlindCliffwalk: RegisteredEnvironment {
    public static let descriptor = EnvironmentDescriptor(
        name: "cliffwalk",
        summary: "PER's Blind Cliffwalk: a chain where one wrong action ends it; reward 1 at the end (--states N)"
    )

    public static func displayName(options: EnvironmentOptions) -> String { "cliffwalk \(options.states)" }

    public init(options: EnvironmentOptions, generator: Xoshiro256StarStar) {
        self.init(states: options.states, generator: generator)
    }

    public var observationLayout: ObservationLayout { .vector(count: stateCount, components: nil) }

    /// 1, the reward of walking the whole chain.
    public var solvedThreshold: Double? { 1 }

    /// 1, the reward at the end of the chain.
    public var maximumAbsoluteReward: Double { 1 }

    /// None: a wrong action ends an episode within n steps anyway.
    public var timeLimit: Int? { nil }

    public var sceneLayout: SceneLayout { .chain(states: stateCount) }

    public var sceneState: SceneState { .chain(position: position) }

    /// Every state of the chain, in order, as its one-hot observation.
    public var inspectionPoints: InspectionPoints {
        let observations = (0..<stateCount).map { state -> [Float]? in
            (0..<stateCount).map { $0 == state ? 1 : 0 }
        }
        return InspectionPoints(domain: .chainStates(stateCount), observations: observations)
    }

    /// The true Q of `trueQ(state:action:)`, at the paper's γ = 1 − 1/n whatever the agent's.
    public func optimalActionValues(gamma: Double?) -> [[Double]]? {
        (0..<stateCount).map { state in (0..<actionCount).map { trueQ(state: state, action: $0) } }
    }
}
