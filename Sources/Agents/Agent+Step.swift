import RLCore

extension Agent {
    /// One step of interaction: a = act(s) (exploring), the environment steps, s′ is written into `next`,
    /// and the agent observes (s, a, r, s′) and may learn. `observation` holds s; both buffers hold
    /// `observationCount` floats and are only borrowed, so the step allocates nothing of its own.
    @discardableResult
    public func step(_ environment: inout any Environment, from observation: [Float], into next: inout [Float]) -> StepOutcome {
        let action = observation.withUnsafeBufferPointer { act($0) }
        let outcome = environment.step(action)
        next.withUnsafeMutableBufferPointer { environment.writeObservation(into: $0) }
        observation.withUnsafeBufferPointer { current in
            next.withUnsafeBufferPointer { following in
                observe(observation: current, action: action, outcome: outcome, nextObservation: following,
                        environment: environment)
            }
        }
        return outcome
    }
}
