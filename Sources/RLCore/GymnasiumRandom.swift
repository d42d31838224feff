/// The generator gymnasium gives an environment on `reset(seed: N)`: `gymnasium.utils.seeding.np_random(N)` builds
/// `np.random.Generator(np.random.PCG64(np.random.SeedSequence(N)))` (gymnasium 1.4.0), and an environment draws
/// its start states and slips from it with numpy's `random()` and `uniform`. Later `reset()` calls without a seed
/// keep drawing from the same generator, so this one value reproduces a gymnasium environment's whole sequence.
public struct GymnasiumRandom: Sendable, Equatable {
    /// The seed given to `reset(seed:)`.
    public let seed: GymSeed
    private var bits: PCG64

    public init(seed: GymSeed) {
        self.seed = seed
        bits = PCG64(SeedSequence(words: seed.words))
    }

    /// A generator in the exact state `bitsState` recorded (a checkpoint's).
    init(seed: GymSeed, bitsState: [UInt64]) {
        self.seed = seed
        bits = PCG64(exactState: bitsState)
    }

    /// PCG64's state and increment, high and low words: all a checkpoint needs to go on with the same draws.
    var bitsState: [UInt64] { [bits.stateHigh, bits.stateLow, bits.incrementHigh, bits.incrementLow] }

    /// numpy's `Generator.random()`: the top 53 bits of the next 64-bit output scaled by 2⁻⁵³, in [0, 1).
    public mutating func random() -> Double {
        Double(bits.next() >> 11) * 0x1.0p-53
    }

    /// numpy's `Generator.uniform(low, high)`: low + (high − low)·random(), in [low, high). With `size=(n,)` numpy
    /// makes n such draws in order, so n calls give the same numbers.
    public mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * random()
    }
}
