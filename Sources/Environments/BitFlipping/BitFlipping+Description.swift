import RLCore

extension BitFlipping: RegisteredEnvironment {
    public static let descriptor = EnvironmentDescriptor(
        name: "bitflip",
        summary: "HER bit-flipping: flip bits to reach a random goal; −1 until it is reached (--bits N)"
    )

    public static func displayName(options: EnvironmentOptions) -> String { "bitflip \(options.bits)" }

    public init(options: EnvironmentOptions, generator: Xoshiro256StarStar) {
        self.init(bits: options.bits, generator: generator)
    }

    public var observationLayout: ObservationLayout { .vector(count: observationCount, components: nil) }

    /// None: a return here is a success rate, not a score with a ceiling.
    public var solvedThreshold: Double? { nil }

    /// 1: the reward is −1 or 0.
    public var maximumAbsoluteReward: Double { 1 }

    /// n steps, the paper's episode length.
    public var timeLimit: Int? { bitCount }

    public var sceneLayout: SceneLayout { .bitFlip(bits: bitCount) }

    public var sceneState: SceneState { .bitFlip(state: Self.pack(state), goal: Self.pack(goal)) }

    /// The current state alone: 2²ⁿ states are too many to sweep.
    public var inspectionPoints: InspectionPoints { InspectionPoints(domain: .currentState, observations: []) }

    public func optimalActionValues(gamma: Double?) -> [[Double]]? { nil }

    /// Bit i set where `bits[i]` is 1 (the first 64 bits).
    static func pack(_ bits: [Float]) -> UInt64 {
        var word: UInt64 = 0
        for index in 0..<min(bits.count, 64) where bits[index] != 0 { word |= 1 << UInt64(index) }
        return word
    }
}
