import Foundation

/// xoshiro256** 1.0 (Blackman & Vigna 2018): the one pseudo-random generator behind every draw in rlterm.
///
/// It is fast, has a 2^256 − 1 period and passes BigCrush. Its output depends only on the seed and on the
/// sequence of calls, never on the platform or the standard library, so a run seed reproduces a run bit
/// for bit. The helpers below (`uniform`, `uniformInt`, `normal`) use fixed algorithms for the same reason:
/// the standard library's `random(in:using:)` does not promise a stable mapping across releases.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable, Equatable {
    @usableFromInline var s0, s1, s2, s3: UInt64

    /// Expands `seed` with SplitMix64, so nearby seeds give unrelated streams and no state is all zero.
    public init(seed: UInt64) {
        var expander = SplitMix64(seed: seed)
        s0 = expander.next()
        s1 = expander.next()
        s2 = expander.next()
        s3 = expander.next()
    }

    /// Starts from a raw state (used to check the reference test vector); the state must not be all zero.
    init(state: (UInt64, UInt64, UInt64, UInt64)) {
        (s0, s1, s2, s3) = state
    }

    /// The four words of the state, which `StatePart` saves and restores.
    var stateWords: [UInt64] { [s0, s1, s2, s3] }

    @inlinable
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, by: 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, by: 45)
        return result
    }

    @usableFromInline
    func rotateLeft(_ x: UInt64, by k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }

    /// A double uniform in [0, 1) with 53 random bits.
    @inlinable
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A double uniform in [low, high), computed as `low + (high − low)·u` like numpy's `uniform`.
    @inlinable
    public mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * uniform()
    }

    /// A float uniform in [0, 1) with 24 random bits.
    @inlinable
    public mutating func uniformFloat() -> Float {
        Float(next() >> 40) * 0x1.0p-24
    }

    /// An integer uniform in 0..<bound without modulo bias (Lemire 2019, multiply-and-reject).
    @inlinable
    public mutating func uniformInt(below bound: Int) -> Int {
        precondition(bound > 0, "uniformInt(below:) needs a positive bound")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = next().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }

    /// True with probability `p`.
    @inlinable
    public mutating func bernoulli(_ p: Double) -> Bool {
        uniform() < p
    }

    /// A standard normal draw by the Box–Muller transform (one of the pair; the other is discarded so the
    /// generator carries no hidden cache and stays a plain value).
    @inlinable
    public mutating func normal() -> Double {
        let u1 = 1.0 - uniform()  // in (0, 1], so the logarithm is finite
        let u2 = uniform()
        return (-2.0 * log(u1)).squareRoot() * cos(2.0 * Double.pi * u2)
    }
}
