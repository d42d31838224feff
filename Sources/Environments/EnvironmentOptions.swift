/// The command line's say in how an environment is built, beyond its name.
public struct EnvironmentOptions: Sendable, Equatable {
    /// n for bit-flipping (`--bits`).
    public var bits: Int
    /// n for the Blind Cliffwalk (`--states`).
    public var states: Int
    /// Turn slipping on for any gridworld map, whatever its own setting (`--slippery`).
    public var forceSlippery: Bool

    public init(bits: Int = 10, states: Int = 10, forceSlippery: Bool = false) {
        self.bits = bits
        self.states = states
        self.forceSlippery = forceSlippery
    }
}
