/// Which returned value of a replayed step disagreed with the recorded trace.
public enum TraceField<E: TraceableEnvironment>: Sendable, Equatable, CustomStringConvertible {
    /// A component of the double state, by index in gymnasium's order (`E.State.componentNames`).
    case state(Int)
    /// A component of the float32 observation, by index.
    case observation(Int)
    case reward
    case terminated
    case truncated
    /// gymnasium's internal `steps_beyond_terminated` counter.
    case stepsBeyondTerminated

    public var description: String {
        switch self {
        case .state(let index): "state.\(E.State.componentNames[index])"
        case .observation(let index): "obs.\(E.observationComponentNames[index])"
        case .reward: "reward"
        case .terminated: "terminated"
        case .truncated: "truncated"
        case .stepsBeyondTerminated: "steps_beyond_terminated"
        }
    }
}
