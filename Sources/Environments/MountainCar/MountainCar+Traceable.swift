import RLCore

extension MountainCar: TraceableEnvironment {
    public static let gymnasiumID = "MountainCar-v0"
    public static let traceFormat = "mountaincar-traces/1"
    public static let observationComponentNames = State.componentNames

    public static func startingReplay(at state: State) -> MountainCar {
        // reset(to:) replaces the start state drawn from this generator, so its seed plays no part.
        var environment = MountainCar(generator: Xoshiro256StarStar(seed: 0))
        environment.reset(to: state)
        return environment
    }
}

extension MountainCar.State: TraceableState {}
