import RLCore

extension MinAtar: RegisteredEnvironment {
    public static var descriptor: EnvironmentDescriptor {
        EnvironmentDescriptor(
            name: "minatar-\(Game.name.replacingOccurrences(of: "_", with: "-"))",
            summary: "MinAtar \(Game.name) as minatar 1.0.15 (sticky actions 0.1, \(Game.channelNames.count) "
                + "channels on 10×10); truncated after \(defaultStepLimit) steps")
    }

    /// `--gym-seed N` gives MinAtar's own seeding, `env.seed(N)` then `reset()`.
    public static var takesGymSeed: Bool { true }

    /// Seeded with `options.gymSeed` (MinAtar's `seed(N)`; numpy refuses N ≥ 2³², of which this takes the low
    /// 32 bits), else with a 32-bit seed drawn from `generator`; `options.timeLimit` replaces the step limit.
    public init(options: EnvironmentOptions, generator: Xoshiro256StarStar) {
        var generator = generator
        let seed = options.gymSeed.map { $0.words[0] } ?? UInt32(truncatingIfNeeded: generator.next() >> 32)
        self.init(seed: seed, stepLimit: options.timeLimit ?? Self.defaultStepLimit)
    }

    public var observationLayout: ObservationLayout {
        .image(height: MinAtarCanvas.size, width: MinAtarCanvas.size, channels: Game.channelNames)
    }

    public var solvedThreshold: Double? { nil }
    public var maximumAbsoluteReward: Double { Game.maximumReward }
    public var timeLimit: Int? { stepLimit }
    public var sceneLayout: SceneLayout { .minAtar(channels: Game.channelNames) }

    /// The observation, drawn straight into a frame's bits on the stack, so recording a frame at every step
    /// allocates nothing.
    public var sceneState: SceneState {
        var frame = MinAtarFrame(channels: Game.channelNames.count)
        withUnsafeMutablePointer(to: &frame) { game.draw(on: MinAtarCanvas(frame: $0)) }
        return .minAtar(frame)
    }
    public var inspectionPoints: InspectionPoints { InspectionPoints(domain: .currentState, observations: []) }
    public func optimalActionValues(gamma: Double?) -> [[Double]]? { nil }
}
