/// The seed given to gymnasium's `env.reset(seed=N)`: any non-negative integer, as Python allows, so it may
/// exceed 2⁶⁴ (`--gym-seed 18446744073709551616` is a valid gymnasium seed). Kept as its 32-bit words, least
/// significant first, which is how numpy's `SeedSequence` reads a Python int.
public struct GymSeed: Sendable, Hashable, CustomStringConvertible, Codable {
    /// The seed's 32-bit words, least significant first, without high zero words (0 is the one word 0).
    public let words: [UInt32]

    public init(_ value: UInt64) {
        self.init(words: [UInt32(truncatingIfNeeded: value), UInt32(truncatingIfNeeded: value >> 32)])
    }

    /// The seed written as decimal digits, or nil if `text` is not a non-negative whole number.
    public init?(_ text: String) {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return nil
        }
        var words: [UInt32] = [0]
        for digit in text.utf8 {
            var carry = UInt64(digit - UInt8(ascii: "0"))
            for index in words.indices {
                let value = UInt64(words[index]) * 10 + carry
                words[index] = UInt32(truncatingIfNeeded: value)
                carry = value >> 32
            }
            if carry > 0 { words.append(UInt32(carry)) }
        }
        self.init(words: words)
    }

    /// The seed with these words, least significant first (high zero words are dropped).
    public init(words: [UInt32]) {
        var trimmed = Array(words.reversed().drop { $0 == 0 }.reversed())
        if trimmed.isEmpty { trimmed = [0] }
        self.words = trimmed
    }

    /// The seed plus `offset`: what SB3's vectorised environments give copy i of a run seeded with N (N + i).
    public func adding(_ offset: UInt64) -> GymSeed {
        var words = self.words + [0, 0, 0]
        var carry = offset
        for index in words.indices where carry > 0 {
            let sum = UInt64(words[index]) + (carry & 0xFFFF_FFFF)
            words[index] = UInt32(truncatingIfNeeded: sum)
            carry = (carry >> 32) + (sum >> 32)
        }
        return GymSeed(words: words)
    }

    /// The seed in decimal.
    public var description: String {
        var remaining = words
        var digits: [UInt8] = []
        repeat {
            var remainder: UInt64 = 0
            for index in remaining.indices.reversed() {
                let value = remainder << 32 | UInt64(remaining[index])
                remaining[index] = UInt32(value / 10)
                remainder = value % 10
            }
            digits.append(UInt8(ascii: "0") + UInt8(remainder))
            while remaining.count > 1, remaining.last == 0 { remaining.removeLast() }
        } while remaining != [0]
        return String(decoding: digits.reversed(), as: UTF8.self)
    }

    /// Written as its decimal text (a JSON number could not hold every seed exactly).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let seed = GymSeed(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a gym seed: '\(text)'")
        }
        self = seed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
