import Testing
@testable import RLCore

@Suite("xoshiro256** and seed derivation")
struct XoshiroTests {
    @Test("SplitMix64 matches Vigna's reference output for seed 1234567")
    func splitMixReference() {
        var generator = SplitMix64(seed: 1_234_567)
        let expected: [UInt64] = [
            6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
            4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
        ]
        #expect((0..<5).map { _ in generator.next() } == expected)
    }

    @Test("xoshiro256** matches the reference implementation from state {1, 2, 3, 4}")
    func xoshiroReference() {
        var generator = Xoshiro256StarStar(state: (1, 2, 3, 4))
        #expect((0..<4).map { _ in generator.next() } == [11520, 0, 1_509_978_240, 1_215_971_899_390_074_240])
    }

    @Test("uniform doubles lie in [0, 1) and average one half")
    func uniformRange() {
        var generator = Xoshiro256StarStar(seed: 7)
        var sum = 0.0
        for _ in 0..<100_000 {
            let u = generator.uniform()
            #expect(u >= 0 && u < 1)
            sum += u
        }
        #expect(abs(sum / 100_000 - 0.5) < 0.005)
    }

    @Test("uniformInt(below:) hits every value with equal frequency")
    func uniformIntFrequencies() {
        var generator = Xoshiro256StarStar(seed: 11)
        var counts = [Int](repeating: 0, count: 6)
        let draws = 60_000
        for _ in 0..<draws { counts[generator.uniformInt(below: 6)] += 1 }
        // Each count is Binomial(60000, 1/6): sd ≈ 91; 5 sd is a generous bound that still catches bias.
        for count in counts { #expect(abs(count - draws / 6) < 460) }
    }

    @Test("normal draws have mean 0 and variance 1")
    func normalMoments() {
        var generator = Xoshiro256StarStar(seed: 3)
        let n = 100_000
        let draws = (0..<n).map { _ in generator.normal() }
        let mean = draws.reduce(0, +) / Double(n)
        let variance = draws.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(n)
        #expect(abs(mean) < 0.02)
        #expect(abs(variance - 1) < 0.02)
    }

    @Test("named streams are reproducible and independent of one another")
    func derivedStreams() {
        let seed = RunSeed(42)
        var a1 = seed.generator(for: "env")
        var a2 = seed.generator(for: "env")
        var b = seed.generator(for: "exploration")
        var c = seed.generator(for: "env", index: 1)
        let first = (0..<8).map { _ in a1.next() }
        #expect(first == (0..<8).map { _ in a2.next() })
        #expect(first != (0..<8).map { _ in b.next() })
        #expect(first != (0..<8).map { _ in c.next() })
        #expect(RunSeed(43).derivedSeed(for: "env") != seed.derivedSeed(for: "env"))
    }
}
