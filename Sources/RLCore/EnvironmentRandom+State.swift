extension EnvironmentRandom {
    /// Saves which generator this is and its exact state under `prefix`: rlterm's stream as its four words, or
    /// gymnasium's as its seed and PCG64's 128-bit state and increment.
    public func save(into part: inout StatePart, as prefix: String) {
        switch self {
        case .stream(let generator):
            part.set(prefix + ".kind", integer: 0)
            part.set(prefix + ".stream", generator: generator)
        case .gymnasium(let generator):
            part.set(prefix + ".kind", integer: 1)
            part.set(prefix + ".gym_seed", integers: generator.seed.words.map(Int.init))
            part.set(prefix + ".pcg64", integers: generator.bitsState.map { Int(Int64(bitPattern: $0)) })
        }
    }

    /// The generator `save(into:as:)` wrote under `prefix`.
    public init(restoring part: StatePart, from prefix: String) throws(StatePartError) {
        switch try part.integer(prefix + ".kind", in: 0...1) {
        case 0:
            self = .stream(try part.generator(prefix + ".stream"))
        default:
            let words = try part.integers(prefix + ".gym_seed", in: 0...Int(UInt32.max)).map { UInt32($0) }
            let state = try part.integers(prefix + ".pcg64", count: 4, in: Int.min...Int.max)
                .map { UInt64(bitPattern: Int64($0)) }
            guard state[3] & 1 == 1 else {
                throw .outOfRange(key: prefix + ".pcg64", index: 3, reason: "PCG64's increment must be odd")
            }
            self = .gymnasium(GymnasiumRandom(seed: GymSeed(words: words), bitsState: state))
        }
    }
}
