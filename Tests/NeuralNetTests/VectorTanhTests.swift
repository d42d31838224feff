import Foundation
import Testing

@testable import NeuralNet

/// The vector tanh against the exact function on every one of the 2³² floats, not a sample: each positive
/// bit pattern is checked against tanh, and each negative one must give the negated result bit for bit.
@Suite("Vector tanh over every float")
struct VectorTanhTests {
    /// The bound `hyperbolicTangent()` documents.
    static let ulpBound = 1.5

    /// What one range of positive bit patterns showed.
    struct Findings: Sendable {
        var worst = 0.0
        var worstInput: Float = 0
        var asymmetric = 0
        var wrongTiny = 0
        var unsaturated = 0
    }

    @Test("within the stated ulp bound of tanh, odd, x below 2^-12, 1 from 20 on, NaN for NaN: all 2^32 patterns")
    func everyFloat() async {
        // 256 ranges of 2²³ patterns (one binade each, up to the infinities), spread over the cores.
        let findings = await withTaskGroup(of: Findings.self) { group in
            for range in 0..<UInt32(255) {
                group.addTask { Self.check(from: range << 23, to: (range + 1) << 23) }
            }
            var total = Findings()
            for await part in group {
                if part.worst > total.worst {
                    total.worst = part.worst
                    total.worstInput = part.worstInput
                }
                total.asymmetric += part.asymmetric
                total.wrongTiny += part.wrongTiny
                total.unsaturated += part.unsaturated
            }
            return total
        }
        #expect(findings.asymmetric == 0, "\(findings.asymmetric) inputs where tanh(−x) ≠ −tanh(x) bit for bit")
        #expect(findings.wrongTiny == 0, "\(findings.wrongTiny) inputs below 2⁻¹² where tanh(x) ≠ x")
        #expect(findings.unsaturated == 0, "\(findings.unsaturated) inputs at or beyond 20 where tanh ≠ 1")
        #expect(
            findings.worst <= Self.ulpBound,
            "\(findings.worst) ulp at x = \(findings.worstInput) (bit pattern \(findings.worstInput.bitPattern))")
        for infinity in [Float.infinity, -Float.infinity] {
            #expect(SIMD8(repeating: infinity).hyperbolicTangent() == SIMD8(repeating: infinity.sign == .minus ? -1 : 1))
        }
        var numberForNaN = 0
        let nanCount = Int(0x7FFF_FFFF - Float.infinity.bitPattern)
        let nans = FloatBuffer(count: nanCount)
        for sign: UInt32 in [0, 0x8000_0000] {
            for index in 0..<nanCount { nans.base[index] = Float(bitPattern: sign | (Float.infinity.bitPattern + 1 + UInt32(index))) }
            Activation.tanh.apply(nans.base, count: nanCount)
            for index in 0..<nanCount where !nans.base[index].isNaN { numberForNaN += 1 }
        }
        #expect(numberForNaN == 0, "\(numberForNaN) NaN inputs gave a number")
    }

    /// Positive patterns `first..<end` and their negatives, through `Activation.tanh.apply` (the code the
    /// networks run) in blocks of 2¹⁶.
    ///
    /// Below 2⁻¹² the result must be x itself: there tanh x = x − x³/3 + … lies within a third of an ulp
    /// (two thirds when x is a power of two) below x, so x is within the bound (and is what a + a³·P(a²)
    /// rounds to), subnormals included. From 20 on the result must be 1, the float nearest to tanh
    /// (1 − tanh 20 ≈ 8.5·10⁻¹⁸). In between each result is compared with the double-precision tanh.
    static func check(from first: UInt32, to end: UInt32) -> Findings {
        var findings = Findings()
        let tinyEnd = Float(0x1p-12).bitPattern
        let saturatedStart = Float(20).bitPattern
        let blockSize = 1 << 16
        let positive = FloatBuffer(count: blockSize)
        let negative = FloatBuffer(count: blockSize)
        var blockStart = first
        while blockStart < end {
            let count = min(blockSize, Int(end - blockStart))
            for index in 0..<count {
                positive.base[index] = Float(bitPattern: blockStart + UInt32(index))
                negative.base[index] = -positive.base[index]
            }
            Activation.tanh.apply(positive.base, count: count)
            Activation.tanh.apply(negative.base, count: count)
            // Plain loops over the block's parts, simple enough for the compiler to vectorise.
            let tinyCount = Int(min(max(Int64(tinyEnd) - Int64(blockStart), 0), Int64(count)))
            let saturatedFrom = Int(min(max(Int64(saturatedStart) - Int64(blockStart), 0), Int64(count)))
            let signBit: UInt32 = 0x8000_0000
            for index in 0..<count where negative.base[index].bitPattern != positive.base[index].bitPattern ^ signBit {
                findings.asymmetric += 1
            }
            for index in 0..<tinyCount where positive.base[index].bitPattern != blockStart + UInt32(index) {
                findings.wrongTiny += 1
            }
            for index in saturatedFrom..<count where positive.base[index] != 1 {
                findings.unsaturated += 1
            }
            for index in tinyCount..<max(tinyCount, saturatedFrom) {
                let error = ulpError(positive.base[index], of: Float(bitPattern: blockStart + UInt32(index)))
                if error > findings.worst {
                    findings.worst = error
                    findings.worstInput = Float(bitPattern: blockStart + UInt32(index))
                }
            }
            blockStart += UInt32(count)
        }
        return findings
    }

    /// |approximation − tanh(x)| in units of the spacing of floats in the binade of the exact tanh(x).
    static func ulpError(_ approximation: Float, of x: Float) -> Double {
        let exact = Foundation.tanh(Double(x))
        let spacing = Double(sign: .plus, exponent: max(exact.exponent, -126) - 23, significand: 1)
        return abs(Double(approximation) - exact) / spacing
    }
}
