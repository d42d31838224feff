import RLCore

/// One `step()` call of a recorded gymnasium trace: the action and everything gymnasium returned for it.
public struct EnvironmentTraceStep<E: TraceableEnvironment>: Decodable, Sendable, Equatable {
    /// 1-based count of `step()` calls since the reset.
    public var t: Int
    public var action: Int
    /// `env.unwrapped.state` after the step, exact (from `state_hex`).
    public var state: E.State
    /// The float32 observation's bit patterns (from `obs_hex`).
    public var observationBits: [UInt32]
    public var reward: Double
    public var terminated: Bool
    public var truncated: Bool
    /// gymnasium's internal counter after the step (see `CartPole.stepsBeyondTerminated`); nil where the
    /// environment keeps none.
    public var stepsBeyondTerminated: Int?

    enum CodingKeys: String, CodingKey {
        case t, action, state, reward, terminated, truncated
        case stateHex = "state_hex"
        case observation = "obs"
        case observationHex = "obs_hex"
        case stepsBeyondTerminated = "steps_beyond_terminated"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        t = try container.decode(Int.self, forKey: .t)
        action = try container.decode(Int.self, forKey: .action)
        state = E.State(components: try container.decodeExactDoubles(
            .state, hex: .stateHex, count: E.State.componentNames.count))
        observationBits = try container.decodeFloat32Bits(
            .observation, hex: .observationHex, count: E.observationComponentNames.count)
        reward = try container.decode(Double.self, forKey: .reward)
        terminated = try container.decode(Bool.self, forKey: .terminated)
        truncated = try container.decode(Bool.self, forKey: .truncated)
        stepsBeyondTerminated = try container.decodeIfPresent(Int.self, forKey: .stepsBeyondTerminated)
    }

    /// The largest |Δ| between this step's recorded state and `state`, over its components.
    public func stateDeviation(from state: E.State) -> Double {
        zip(self.state.components, state.components).map { abs($0 - $1) }.max() ?? 0
    }

    /// The first way in which a replayed step differs from this recorded one, checked in the order state
    /// (beyond `tolerance`), observation bits, reward, terminated, truncated, steps_beyond_terminated; nil
    /// when it agrees.
    public func firstMismatch(
        state: E.State, observation: [Float], outcome: StepOutcome, stepsBeyondTerminated: Int?,
        tolerance: Double
    ) -> TraceMismatch<E>? {
        for (index, (expected, got)) in zip(self.state.components, state.components).enumerated()
        where !(abs(expected - got) <= tolerance) {
            return TraceMismatch(step: t, field: .state(index), expected: Self.exact(expected), got: Self.exact(got))
        }
        if let mismatch = TraceMismatch<E>.observation(step: t, expectedBits: observationBits, got: observation) {
            return mismatch
        }
        if reward != outcome.reward {
            return TraceMismatch(step: t, field: .reward, expected: "\(reward)", got: "\(outcome.reward)")
        }
        if terminated != outcome.terminated {
            return TraceMismatch(step: t, field: .terminated, expected: "\(terminated)", got: "\(outcome.terminated)")
        }
        if truncated != outcome.truncated {
            return TraceMismatch(step: t, field: .truncated, expected: "\(truncated)", got: "\(outcome.truncated)")
        }
        if self.stepsBeyondTerminated != stepsBeyondTerminated {
            return TraceMismatch(
                step: t, field: .stepsBeyondTerminated,
                expected: self.stepsBeyondTerminated.map(String.init) ?? "null",
                got: stepsBeyondTerminated.map(String.init) ?? "null")
        }
        return nil
    }

    /// A double written so that it can be told apart from its neighbours: shortest decimal and bit pattern.
    static func exact(_ value: Double) -> String {
        "\(value) (\(value.bitPattern.paddedHex))"
    }
}
