/// numpy's legacy `numpy.random.RandomState(seed)` for an integer seed, the generator MinAtar's games and its
/// sticky actions share: the draws below give exactly numpy's numbers and consume exactly numpy's words, so a
/// game replayed from the same seed and actions stays in step with a recording. numpy documents this stream as
/// frozen (NEP 19), so the recordings stay valid.
public struct NumpyRandomState: Sendable, Equatable {
    private var twister: MersenneTwister

    /// `RandomState(seed)` / `seed(seed)`: MT19937's `init_genrand(seed)`.
    public init(seed: UInt32) {
        twister = MersenneTwister(seed: seed)
    }

    /// The number of 32-bit words drawn since seeding: the position in the stream.
    public var position: Int { twister.wordsDrawn }

    /// `rand()`: a double in [0, 1) from two words a and b, ((a ≫ 5)·2²⁶ + (b ≫ 6)) / 2⁵³.
    public mutating func rand() -> Double {
        let high = UInt64(twister.next() >> 5)
        let low = UInt64(twister.next() >> 6)
        return Double(high << 26 + low) * 0x1.0p-53
    }

    /// `randint(low, high)`: an integer in low..<high. numpy masks each word to the smallest all-ones mask that
    /// covers high − low − 1 and rejects values above it; a range of one value draws no word at all.
    public mutating func randint(_ low: Int, _ high: Int) -> Int {
        precondition(low < high, "randint needs low < high")
        let span = UInt32(high - low - 1)
        guard span > 0 else { return low }
        var mask = span
        mask |= mask >> 1
        mask |= mask >> 2
        mask |= mask >> 4
        mask |= mask >> 8
        mask |= mask >> 16
        while true {
            let value = twister.next() & mask
            if value <= span { return low + Int(value) }
        }
    }

    /// `randint(high)`, integers in 0..<high.
    public mutating func randint(_ high: Int) -> Int {
        randint(0, high)
    }
}

extension NumpyRandomState {
    /// Saves the Mersenne Twister's exact state under `prefix`.
    public func save(into part: inout StatePart, as prefix: String) {
        twister.save(into: &part, as: prefix)
    }

    /// The stream `save(into:as:)` wrote under `prefix`.
    public init(restoring part: StatePart, from prefix: String) throws(StatePartError) {
        twister = try MersenneTwister(restoring: part, from: prefix)
    }
}
