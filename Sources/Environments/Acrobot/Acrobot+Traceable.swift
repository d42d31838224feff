import RLCore

extension Acrobot: TraceableEnvironment {
    public static let gymnasiumID = "Acrobot-v1"
    public static let traceFormat = "acrobot-traces/1"
    public static let observationComponentNames = [
        "cos_theta1", "sin_theta1", "cos_theta2", "sin_theta2", "theta1_dot", "theta2_dot",
    ]

    public static func startingReplay(at state: State) -> Acrobot {
        // reset(to:) replaces the start state drawn from this generator, so its seed plays no part.
        var environment = Acrobot(generator: Xoshiro256StarStar(seed: 0))
        environment.reset(to: state)
        return environment
    }
}

extension Acrobot.State: TraceableState {}
