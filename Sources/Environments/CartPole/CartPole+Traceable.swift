import RLCore

extension CartPole: TraceableEnvironment {
    public static let gymnasiumID = "CartPole-v1"
    public static let traceFormat = "cartpole-traces/1"
    public static let observationComponentNames = State.componentNames

    public static func startingReplay(at state: State) -> CartPole {
        // reset(to:) replaces the start state drawn from this generator, so its seed plays no part.
        var environment = CartPole(generator: Xoshiro256StarStar(seed: 0))
        environment.reset(to: state)
        return environment
    }
}

extension CartPole.State: TraceableState {}
