/// The one seed of a run, and the generators derived from it.
///
/// Every consumer of randomness (environment resets and slips, exploration, minibatch sampling, weight
/// initialisation) asks for its own stream by a stable name, e.g. `seed.generator(for: "env")`. Streams are
/// independent of one another and of the order in which they are requested, so adding a new consumer never
/// changes the draws an existing one sees.
public struct RunSeed: Sendable, Hashable, CustomStringConvertible {
    public let value: UInt64

    public init(_ value: UInt64) {
        self.value = value
    }

    /// A generator for the stream `name`; `index` separates copies of one consumer (e.g. parallel envs).
    public func generator(for name: String, index: UInt64 = 0) -> Xoshiro256StarStar {
        Xoshiro256StarStar(seed: derivedSeed(for: name, index: index))
    }

    /// The 64-bit seed of stream `name`: FNV-1a of the name, mixed with the run seed and index by SplitMix64.
    public func derivedSeed(for name: String, index: UInt64 = 0) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in name.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        var mixer = SplitMix64(seed: value ^ hash)
        var mixed = mixer.next()
        var indexMixer = SplitMix64(seed: mixed ^ index)
        mixed = indexMixer.next()
        return mixed
    }

    public var description: String { String(value) }
}
