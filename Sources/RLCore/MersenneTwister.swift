/// MT19937 (Matsumoto & Nishimura 1998), the 32-bit Mersenne Twister behind numpy's legacy `RandomState`, seeded
/// with the paper's `init_genrand` from one 32-bit integer. It counts the words it has handed out, so a replay can
/// compare its position in the stream with a recorded one.
public struct MersenneTwister: Sendable, Equatable {
    private static let stateCount = 624
    private static let shift = 397
    private var state: [UInt32]
    private var index: Int
    /// The number of 32-bit words drawn since seeding.
    public private(set) var wordsDrawn = 0

    /// `init_genrand(seed)`: state[0] = seed, state[i] = 1812433253·(state[i−1] ⊕ (state[i−1] ≫ 30)) + i mod 2³².
    public init(seed: UInt32) {
        var state = [UInt32](repeating: 0, count: Self.stateCount)
        state[0] = seed
        for i in 1..<Self.stateCount {
            state[i] = 1_812_433_253 &* (state[i - 1] ^ (state[i - 1] >> 30)) &+ UInt32(i)
        }
        self.state = state
        index = Self.stateCount
    }

    /// The next tempered 32-bit word.
    public mutating func next() -> UInt32 {
        if index == Self.stateCount { twist() }
        var word = state[index]
        index += 1
        wordsDrawn += 1
        word ^= word >> 11
        word ^= (word << 7) & 0x9D2C_5680
        word ^= (word << 15) & 0xEFC6_0000
        word ^= word >> 18
        return word
    }

    /// Regenerates all 624 words of the state from the previous ones.
    private mutating func twist() {
        let count = Self.stateCount
        for i in 0..<count {
            let bits = (state[i] & 0x8000_0000) | (state[(i + 1) % count] & 0x7FFF_FFFF)
            state[i] = state[(i + Self.shift) % count] ^ (bits >> 1) ^ (bits & 1 == 0 ? 0 : 0x9908_B0DF)
        }
        index = 0
    }
}

extension MersenneTwister {
    /// Saves the 624 state words, the next word's index and the count drawn under `prefix`.
    public func save(into part: inout StatePart, as prefix: String) {
        part.set(prefix + ".state", integers: state.map(Int.init))
        part.set(prefix + ".index", integer: index)
        part.set(prefix + ".words_drawn", integer: wordsDrawn)
    }

    /// The generator `save(into:as:)` wrote under `prefix`, checked: 624 words of 32 bits, an index within them.
    public init(restoring part: StatePart, from prefix: String) throws(StatePartError) {
        let words = try part.integers(prefix + ".state", count: Self.stateCount, in: 0...Int(UInt32.max))
        index = try part.integer(prefix + ".index", in: 0...Self.stateCount)
        wordsDrawn = try part.integer(prefix + ".words_drawn")
        state = words.map { UInt32($0) }
    }
}
