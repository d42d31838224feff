import Foundation
import Testing
@testable import RLCore

/// numpy's SeedSequence, PCG64 and Generator draws, and gymnasium's seeding through them, against
/// Fixtures/numpy_seeding.json (written by Tests/EnvironmentsTests/Fixtures/generate_gymnasium_seeding.py from
/// numpy 2.4.6 and gymnasium 1.4.0).
@Suite("gymnasium's generator against numpy")
struct GymnasiumRandomTests {
    struct Reference: Decodable {
        let seeds: [Entry]
    }

    struct Entry: Decodable {
        let seed: String
        let pool: [UInt32]
        let state_uint32: [UInt32]
        let state_uint64: [String]
        let raw: [String]
        let random: [String]
        let uniform_cartpole: [String]
        let uniform_mountaincar: String
        let uniform_acrobot_float32: [String]
        let gymnasium_random: String

        var gymSeed: GymSeed { GymSeed(seed)! }
    }

    static let reference: Reference = {
        let url = Bundle.module.url(forResource: "numpy_seeding", withExtension: "json", subdirectory: "Fixtures")!
        return try! JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }()

    static func word(_ hex: String) -> UInt64 { UInt64(hex, radix: 16)! }
    static func double(_ hex: String) -> Double { Double(hex)! }

    @Test("the fixture covers 0, 32-bit boundaries and seeds past 2⁶⁴ and 2¹²⁸")
    func fixtureCoversLargeSeeds() {
        let counts = Set(Self.reference.seeds.map { $0.gymSeed.words.count })
        #expect(Self.reference.seeds.contains { $0.seed == "0" })
        #expect(counts.isSuperset(of: [1, 2, 3, 4, 5, 6]))
    }

    @Test("SeedSequence: the pool and generate_state words equal numpy's for every seed")
    func seedSequence() {
        for entry in Self.reference.seeds {
            let sequence = SeedSequence(words: entry.gymSeed.words)
            #expect(sequence.pool == entry.pool, "seed \(entry.seed)")
            #expect(sequence.generateState(words: 8) == entry.state_uint32, "seed \(entry.seed)")
            #expect(sequence.generateState(doubleWords: 4) == entry.state_uint64.map(Self.word), "seed \(entry.seed)")
        }
    }

    @Test("PCG64 seeded from the SeedSequence gives numpy's first ten raw outputs")
    func pcg64RawOutputs() {
        for entry in Self.reference.seeds {
            var generator = PCG64(SeedSequence(words: entry.gymSeed.words))
            #expect((0..<10).map { _ in generator.next() } == entry.raw.map(Self.word), "seed \(entry.seed)")
        }
    }

    @Test("random() and uniform(low, high) draw numpy's doubles bit for bit, float32 casts included")
    func generatorDraws() {
        for entry in Self.reference.seeds {
            var random = GymnasiumRandom(seed: entry.gymSeed)
            #expect((0..<10).map { _ in random.random() }.map(\.bitPattern)
                == entry.random.map { Self.double($0).bitPattern }, "seed \(entry.seed)")
            #expect((0..<4).map { _ in random.uniform(-0.05, 0.05) }.map(\.bitPattern)
                == entry.uniform_cartpole.map { Self.double($0).bitPattern }, "seed \(entry.seed)")
            #expect(random.uniform(-0.6, -0.4).bitPattern == Self.double(entry.uniform_mountaincar).bitPattern)
            #expect((0..<4).map { _ in Float(random.uniform(-0.1, 0.1)) }.map(\.bitPattern)
                == entry.uniform_acrobot_float32.map { Float(Self.double($0)).bitPattern }, "seed \(entry.seed)")
            var fresh = GymnasiumRandom(seed: entry.gymSeed)
            #expect(fresh.random() == Self.double(entry.gymnasium_random), "seed \(entry.seed)")
        }
    }

    @Test("a seed is read from decimal and written back unchanged, past 2⁶⁴ too")
    func seedDecimalRoundTrip() {
        for entry in Self.reference.seeds {
            #expect(entry.gymSeed.description == entry.seed)
        }
        #expect(GymSeed("18446744073709551616")?.words == [0, 0, 1])
        #expect(GymSeed("007")?.description == "7")
        #expect(GymSeed(UInt64.max).description == "18446744073709551615")
        for bad in ["", "-1", "+3", "1.5", "1e9", " 4", "0x10"] {
            #expect(GymSeed(bad) == nil, "'\(bad)'")
        }
    }

    @Test("adding an offset carries across words (SB3's seed + i for copy i)")
    func seedAddition() {
        #expect(GymSeed(7).adding(3) == GymSeed(10))
        #expect(GymSeed(0xFFFF_FFFF).adding(1).words == [0, 1])
        #expect(GymSeed(UInt64.max).adding(1).description == "18446744073709551616")
        #expect(GymSeed(UInt64.max).adding(UInt64.max).description == "36893488147419103230")
        #expect(GymSeed(5).adding(0) == GymSeed(5))
    }
}
