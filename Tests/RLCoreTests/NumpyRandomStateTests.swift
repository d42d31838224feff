import Foundation
import Testing
@testable import RLCore

/// numpy's legacy RandomState against Fixtures/numpy_random_state.json (written by
/// Fixtures/make_numpy_random_state.py from numpy 2.4.6): every draw's value and the stream position after it.
@Suite("numpy's RandomState")
struct NumpyRandomStateTests {
    struct Reference: Decodable {
        let seeds: [Entry]
    }

    struct Entry: Decodable {
        let seed: UInt32
        let draws: [String]
    }

    static let reference: Reference = {
        let url = Bundle.module.url(forResource: "numpy_random_state", withExtension: "json", subdirectory: "Fixtures")!
        return try! JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }()

    /// Replays one recorded draw (`rand HEX @POS` or `randint LOW HIGH = VALUE @POS`) on `random` and says how
    /// it differs, or nil when value and position agree.
    static func replay(_ draw: String, on random: inout NumpyRandomState) -> String? {
        let fields = draw.split(separator: " ")
        let position = Int(fields.last!.dropFirst())!
        let got: String
        let expected: String
        if fields[0] == "rand" {
            expected = String(fields[1])
            got = random.rand().hexadecimalDescription
        } else {
            expected = String(fields[4])
            got = String(random.randint(Int(fields[1])!, Int(fields[2])!))
        }
        guard got == expected, random.position == position else {
            return "\(draw): got \(got) @\(random.position)"
        }
        return nil
    }

    @Test("rand and randint give numpy's values at numpy's stream positions, across a state regeneration")
    func drawsMatchNumpy() {
        for entry in Self.reference.seeds {
            var random = NumpyRandomState(seed: entry.seed)
            let mismatches = entry.draws.compactMap { Self.replay($0, on: &random) }
            #expect(mismatches.isEmpty, "seed \(entry.seed): \(mismatches.prefix(3))")
            #expect(random.position > 624, "seed \(entry.seed) never regenerated the state")
        }
    }

    @Test("a one-value randint draws no word")
    func singleValueRangeDrawsNothing() {
        var random = NumpyRandomState(seed: 7)
        #expect(random.randint(3, 4) == 3)
        #expect(random.position == 0)
    }

    @Test("another seed gives other draws")
    func seedMatters() {
        var first = NumpyRandomState(seed: 0)
        var second = NumpyRandomState(seed: 1)
        #expect(first.rand() != second.rand())
    }
}

extension Double {
    /// The value as Python's `float.hex()` writes it, e.g. `0x1.18fe1565f12a8p-1` (normal doubles only).
    var hexadecimalDescription: String {
        guard self != 0 else { return "0x0.0p+0" }
        let fraction = String(significandBitPattern, radix: 16)
        let digits = String(repeating: "0", count: 13 - fraction.count) + fraction
        let power = Int(exponent)
        return "0x1.\(digits)p\(power < 0 ? "" : "+")\(power)"
    }
}
