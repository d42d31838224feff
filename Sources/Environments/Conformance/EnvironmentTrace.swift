import RLCore

/// One episode recorded from gymnasium (CartPole-v1, Acrobot-v1, MountainCar-v0): a start state, the actions
/// applied, and what every `step()` returned. Replaying it against our `E` checks that it is gymnasium's.
public struct EnvironmentTrace<E: TraceableEnvironment>: Decodable, Sendable, Equatable {
    /// A replayed state passes when each component is within this of the recorded one (observations, rewards
    /// and flags must be identical).
    public static var stateTolerance: Double { 1e-9 }

    public var id: String
    /// The trace's category in the file (e.g. `boundary_handset`).
    public var kind: String
    /// The state the episode starts from, exact (from `initial_state_hex`).
    public var initialState: E.State
    /// The float32 bit patterns of the observation at the start (from `initial_obs_hex`).
    public var initialObservationBits: [UInt32]
    public var steps: [EnvironmentTraceStep<E>]

    public init(
        id: String, kind: String, initialState: E.State, initialObservationBits: [UInt32],
        steps: [EnvironmentTraceStep<E>]
    ) {
        self.id = id
        self.kind = kind
        self.initialState = initialState
        self.initialObservationBits = initialObservationBits
        self.steps = steps
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, actions, steps
        case initialState = "initial_state"
        case initialStateHex = "initial_state_hex"
        case initialObservation = "initial_obs"
        case initialObservationHex = "initial_obs_hex"
        case stepCount = "num_steps"
    }

    /// Decodes a trace and checks that it is consistent: `actions`, `num_steps` and `steps` agree in length,
    /// steps count t = 1, 2, … with the listed actions (each one of E's), and decimal and hex values agree where
    /// both are written. Errors are `TraceFileError.malformed`, located by path and trace id.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let id = try container.decode(String.self, forKey: .id)
        do {
            self.init(
                id: id,
                kind: try container.decode(String.self, forKey: .kind),
                initialState: E.State(components: try container.decodeExactDoubles(
                    .initialState, hex: .initialStateHex, count: E.State.componentNames.count)),
                initialObservationBits: try container.decodeFloat32Bits(
                    .initialObservation, hex: .initialObservationHex,
                    count: E.observationComponentNames.count),
                steps: try container.decode([EnvironmentTraceStep<E>].self, forKey: .steps))
            try checkConsistency(container)
        } catch let error as DecodingError {
            throw TraceFileError<E>(error, traceID: id)
        }
    }

    private func checkConsistency(_ container: KeyedDecodingContainer<CodingKeys>) throws {
        let actions = try container.decode([Int].self, forKey: .actions)
        let stepCount = try container.decode(Int.self, forKey: .stepCount)
        func corrupted(_ path: [any CodingKey], _ problem: String) -> DecodingError {
            .dataCorrupted(DecodingError.Context(codingPath: container.codingPath + path, debugDescription: problem))
        }
        guard stepCount == steps.count, actions.count == steps.count else {
            throw corrupted([CodingKeys.stepCount], "num_steps is \(stepCount), with \(actions.count) actions and \(steps.count) steps")
        }
        let actionCount = E.startingReplay(at: initialState).actionCount
        for (index, step) in steps.enumerated() {
            let path: [any CodingKey] = [CodingKeys.steps, ArrayIndexKey(index)]
            guard step.t == index + 1 else {
                throw corrupted(path + [EnvironmentTraceStep<E>.CodingKeys.t], "t is \(step.t), expected \(index + 1)")
            }
            guard (0..<actionCount).contains(step.action) else {
                throw corrupted(path + [EnvironmentTraceStep<E>.CodingKeys.action],
                                "action \(step.action) is outside 0..<\(actionCount)")
            }
            guard step.action == actions[index] else {
                throw corrupted(path + [EnvironmentTraceStep<E>.CodingKeys.action],
                                "action \(step.action) differs from actions[\(index)] = \(actions[index])")
            }
        }
    }

    /// Replays the trace: start at `initialState`, then each recorded action, comparing what our environment
    /// returns with what gymnasium returned. Runs to the end so the deviation covers the whole trace.
    public func replay() -> TraceReport<E> {
        var environment = E.startingReplay(at: initialState)
        var firstMismatch = TraceMismatch<E>.observation(
            step: 0, expectedBits: initialObservationBits, got: environment.observation())
        var maxDeviation = 0.0
        for step in steps {
            let outcome = environment.step(step.action)
            maxDeviation = max(maxDeviation, step.stateDeviation(from: environment.state))
            if firstMismatch == nil {
                firstMismatch = step.firstMismatch(
                    state: environment.state, observation: environment.observation(), outcome: outcome,
                    stepsBeyondTerminated: environment.stepsBeyondTerminated, tolerance: Self.stateTolerance)
            }
        }
        return TraceReport(
            id: id, stepCount: steps.count, maxStateDeviation: maxDeviation, firstMismatch: firstMismatch)
    }
}
