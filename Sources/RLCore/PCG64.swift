/// numpy's default bit generator, PCG64 (O'Neill 2014, PCG XSL RR 128/64): a 128-bit linear congruential state
/// s ← s·M + c (mod 2¹²⁸) with numpy's multiplier M = 0x2360ED051FC65DA4_4385DF649FCCF645, and the output
/// xor-shift-low, random-rotate: rotr(high(s) ⊕ low(s), s ≫ 122), taken after each step.
///
/// Seeded as `np.random.PCG64(SeedSequence(seed))` is: four 64-bit words w from the seed sequence make the initial
/// state w₀·2⁶⁴ + w₁ and the stream w₂·2⁶⁴ + w₃, whose doubling plus one is the increment c; the state starts at 0,
/// steps, adds the initial state and steps again (PCG's `srandom`). The 128-bit arithmetic is done on two UInt64
/// halves so it needs no UInt128.
public struct PCG64: RandomNumberGenerator, Sendable, Equatable {
    static let multiplierHigh: UInt64 = 0x2360_ED05_1FC6_5DA4
    static let multiplierLow: UInt64 = 0x4385_DF64_9FCC_F645

    var stateHigh: UInt64
    var stateLow: UInt64
    let incrementHigh: UInt64
    let incrementLow: UInt64

    /// PCG64 seeded by `seedSequence`, as numpy seeds it.
    public init(_ seedSequence: SeedSequence) {
        let words = seedSequence.generateState(doubleWords: 4)
        self.init(state: (words[0], words[1]), stream: (words[2], words[3]))
    }

    /// PCG's `srandom` from a 128-bit initial state and stream, each given as (high, low).
    init(state: (high: UInt64, low: UInt64), stream: (high: UInt64, low: UInt64)) {
        incrementHigh = stream.high << 1 | stream.low >> 63
        incrementLow = stream.low << 1 | 1
        stateHigh = 0
        stateLow = 0
        step()
        let (low, carry) = stateLow.addingReportingOverflow(state.low)
        stateLow = low
        stateHigh = stateHigh &+ state.high &+ (carry ? 1 : 0)
        step()
    }

    /// The generator in a recorded state: [state high, state low, increment high, increment low].
    init(exactState words: [UInt64]) {
        (stateHigh, stateLow, incrementHigh, incrementLow) = (words[0], words[1], words[2], words[3])
    }

    /// s ← s·M + c (mod 2¹²⁸).
    mutating func step() {
        let product = stateLow.multipliedFullWidth(by: Self.multiplierLow)
        let high = product.high &+ stateLow &* Self.multiplierHigh &+ stateHigh &* Self.multiplierLow
        let (low, carry) = product.low.addingReportingOverflow(incrementLow)
        stateLow = low
        stateHigh = high &+ incrementHigh &+ (carry ? 1 : 0)
    }

    /// One step, then the XSL RR output of the new state.
    public mutating func next() -> UInt64 {
        step()
        let folded = stateHigh ^ stateLow
        let rotation = stateHigh >> 58
        return folded >> rotation | folded << ((64 - rotation) & 63)
    }
}
