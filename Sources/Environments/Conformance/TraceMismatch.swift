/// The first place where a replay departs from a recorded trace: the step, the value, and both readings.
public struct TraceMismatch<E: TraceableEnvironment>: Sendable, Equatable, CustomStringConvertible {
    /// The 1-based step `t`; 0 is the observation right after `reset(to:)`.
    public let step: Int
    public let field: TraceField<E>
    /// The recorded value, written exactly (doubles and floats with their bit patterns).
    public let expected: String
    /// The replayed value, written the same way.
    public let got: String

    public init(step: Int, field: TraceField<E>, expected: String, got: String) {
        self.step = step
        self.field = field
        self.expected = expected
        self.got = got
    }

    public var description: String {
        "step \(step) \(field): expected \(expected), got \(got)"
    }

    /// The first observation component whose float32 bit pattern differs from `expectedBits`, if any.
    static func observation(step: Int, expectedBits: [UInt32], got observation: [Float]) -> TraceMismatch? {
        for (index, (bits, value)) in zip(expectedBits, observation).enumerated() where bits != value.bitPattern {
            return TraceMismatch(
                step: step, field: .observation(index),
                expected: "\(Float(bitPattern: bits)) (\(bits.paddedHex))",
                got: "\(value) (\(value.bitPattern.paddedHex))")
        }
        return nil
    }
}
