/// numpy's `SeedSequence` (numpy/random/bit_generator.pyx, NumPy ≥ 1.17) for a non-negative integer seed with no
/// spawn key: the seed's 32-bit words are hashed into a pool of four words, and `generateState` hashes the pool
/// again into as many words as a bit generator asks for. It is what `np.random.default_rng(seed)` and gymnasium's
/// `seeding.np_random(seed)` put between the seed and PCG64, so PCG64 is seeded exactly as numpy seeds it.
///
/// All arithmetic is on UInt32 and wraps, as numpy's uint32 arithmetic does. The constants are numpy's
/// (`INIT_A`, `MULT_A`, `INIT_B`, `MULT_B`, `MIX_MULT_L`, `MIX_MULT_R`, a shift of 16 and a pool of 4 words).
public struct SeedSequence: Sendable, Equatable {
    static let initA: UInt32 = 0x43B0_D7E5
    static let multA: UInt32 = 0x931E_8875
    static let initB: UInt32 = 0x8B51_F9DD
    static let multB: UInt32 = 0x58F3_8DED
    static let mixMultL: UInt32 = 0xCA01_F9DD
    static let mixMultR: UInt32 = 0x4973_F715
    static let shift: UInt32 = 16
    static let poolSize = 4

    /// The mixed entropy pool.
    public let pool: [UInt32]

    /// The pool of an entropy given as numpy takes a Python int: its 32-bit words, least significant first,
    /// without high zero words (0 is the one word 0; `GymSeed.words`).
    public init(words: [UInt32]) {
        var hashConstant = Self.initA
        var pool = (0..<Self.poolSize).map { index in
            Self.hashMix(index < words.count ? words[index] : 0, &hashConstant)
        }
        for source in pool.indices {
            for destination in pool.indices where source != destination {
                pool[destination] = Self.mix(pool[destination], Self.hashMix(pool[source], &hashConstant))
            }
        }
        for source in words.indices.dropFirst(Self.poolSize) {
            for destination in pool.indices {
                pool[destination] = Self.mix(pool[destination], Self.hashMix(words[source], &hashConstant))
            }
        }
        self.pool = pool
    }

    /// `count` 32-bit words of state (numpy's `generate_state(count, np.uint32)`): the pool read cyclically, each
    /// word xor-ed with a running hash constant, multiplied by it and folded by the shift.
    public func generateState(words count: Int) -> [UInt32] {
        var hashConstant = Self.initB
        return (0..<count).map { index in
            var value = pool[index % pool.count] ^ hashConstant
            hashConstant = hashConstant &* Self.multB
            value = value &* hashConstant
            return value ^ (value >> Self.shift)
        }
    }

    /// `count` 64-bit words (numpy's `generate_state(count, np.uint64)`): 2·count 32-bit words paired low word first,
    /// as numpy reinterprets them on a little-endian machine.
    public func generateState(doubleWords count: Int) -> [UInt64] {
        let words = generateState(words: 2 * count)
        return (0..<count).map { UInt64(words[2 * $0]) | UInt64(words[2 * $0 + 1]) << 32 }
    }

    /// numpy's `hashmix`: xor with the hash constant, advance the constant, multiply, fold.
    static func hashMix(_ value: UInt32, _ hashConstant: inout UInt32) -> UInt32 {
        var value = value ^ hashConstant
        hashConstant = hashConstant &* multA
        value = value &* hashConstant
        return value ^ (value >> shift)
    }

    /// numpy's `mix` of two pool words.
    static func mix(_ x: UInt32, _ y: UInt32) -> UInt32 {
        let result = mixMultL &* x &- mixMultR &* y
        return result ^ (result >> shift)
    }
}
