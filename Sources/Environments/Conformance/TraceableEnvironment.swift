import RLCore

/// An environment whose episodes can be replayed from traces recorded in gymnasium: it starts from any exact
/// state and exposes its state as doubles in gymnasium's order, so every step can be compared bit for bit.
public protocol TraceableEnvironment: Environment, TraceSchema {
    associatedtype State: TraceableState
    /// gymnasium's id of the environment the traces come from, e.g. `CartPole-v1`.
    static var gymnasiumID: String { get }
    /// Names of the observation's components, in order (used when reporting a component by index).
    static var observationComponentNames: [String] { get }
    /// The environment started in `state`, drawing nothing from any generator.
    static func startingReplay(at state: State) -> Self
    /// The state in doubles after the last step.
    var state: State { get }
    /// gymnasium's `steps_beyond_terminated` where the environment keeps one (CartPole), else nil.
    var stepsBeyondTerminated: Int? { get }
}

extension TraceableEnvironment {
    public var stepsBeyondTerminated: Int? { nil }
}
