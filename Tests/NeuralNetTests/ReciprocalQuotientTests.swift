import CNeuralNetShims
import Foundation
import RLCore
import Testing

@testable import NeuralNet

@Suite("Division by Newton's method")
struct ReciprocalQuotientTests {
    /// Quotients across the range the optimizers meet and beyond (a step size times a moment over a root plus
    /// ε): every lane must be the correctly rounded a / d, the value true division gives.
    @Test("SIMD8.quotient equals a / d on a million pairs spanning 36 decades of d and of a / d")
    func matchesDivision() {
        var generator = Xoshiro256StarStar(seed: 17)
        var differing: [(Float, Float)] = []
        for _ in 0..<(1_000_000 / 8) {
            var a = SIMD8<Float>(), d = SIMD8<Float>()
            for lane in 0..<8 {
                // d and |a / d| within 10⁻¹⁸…10¹⁸, so a, d and the quotient are all normal floats.
                d[lane] = Float(pow(10, generator.uniform(-18, 18)))
                let sign: Float = generator.uniform() < 0.5 ? -1 : 1
                a[lane] = sign * d[lane] * Float(pow(10, generator.uniform(-18, 18)))
            }
            let quotient = SIMD8.quotient(a, d)
            for lane in 0..<8 where quotient[lane].bitPattern != (a[lane] / d[lane]).bitPattern {
                differing.append((a[lane], d[lane]))
            }
        }
        #expect(differing.isEmpty, "\(differing.count) quotients differ, first \(differing.prefix(3))")
    }

    @Test("lanes with d outside [2⁻¹²⁵, 2¹²⁵] or a quotient beyond the floats are divided exactly: zeros, subnormals, huge values, ∞, NaN, negatives, overflow")
    func edgesAreExact() {
        let denominators: [Float] = [
            0, -0, .leastNonzeroMagnitude, .leastNormalMagnitude, 0x1p-125, 0x1p125, 0x1p126, .greatestFiniteMagnitude,
            .infinity, -.infinity, .nan, -3, 1e-8, 0.01, 1, 7,
        ]
        let numerators: [Float] = [1, -2.5e-4, 0, 3e-12, -1e30, .infinity, 1e-3, 5]
        for numerator in numerators {
            for start in stride(from: 0, to: denominators.count, by: 8) {
                let d = SIMD8<Float>(denominators[start..<(start + 8)])
                let a = SIMD8<Float>(repeating: numerator)
                let quotient = SIMD8.quotient(a, d)
                for lane in 0..<8 {
                    let expected = a[lane] / d[lane]
                    #expect(quotient[lane].bitPattern == expected.bitPattern || (quotient[lane].isNaN && expected.isNaN),
                            "\(a[lane]) / \(d[lane]): \(quotient[lane]), expected \(expected)")
                }
            }
        }
    }

    #if arch(x86_64)
        /// The AVX-512 Adam must leave parameters and moments with the bits of the eight-lane loop, so the kernel
        /// choice cannot change a DQN run: gradients over 30 decades, zeros among them, a count that ends in a
        /// partial vector, several steps so the moments differ from their first values.
        @Test(
            "the AVX-512 Adam step equals the SIMD8 step bit for bit",
            .enabled(if: Kernels.available.contains(.avx512), "this CPU has no AVX-512"))
        func wideAdamMatchesSIMD8() {
            let count = 1_003
            let buffers = (0..<2).map { _ in (0..<4).map { _ in FloatBuffer(count: count) } }
            var generator = Xoshiro256StarStar(seed: 29)
            let initial = (0..<count).map { _ in Float(generator.uniform(-1, 1)) }
            for copy in buffers {
                for index in 0..<count { copy[0].base[index] = initial[index] }
            }
            for step in 1...5 {
                for index in 0..<count {
                    let magnitude = index % 17 == 0 ? 0 : Float(pow(10, generator.uniform(-25, 5)))
                    let gradient = (generator.uniform() < 0.5 ? -1 : 1) * magnitude
                    for copy in buffers { copy[1].base[index] = gradient }
                }
                let correction2 = 1 - pow(0.999, Double(step))
                func description(_ copy: [FloatBuffer]) -> rlterm_adam_step {
                    rlterm_adam_step(
                        parameters: copy[0].base, gradients: copy[1].base, first_moment: copy[2].base,
                        second_moment: copy[3].base, count: count, beta1: 0.9, one_minus_beta1: 1 - 0.9, beta2: 0.999,
                        one_minus_beta2: 1 - 0.999, inverse_root_correction2: Float(1 / correction2.squareRoot()),
                        epsilon: 1e-8, step_size: Float(1e-3 / (1 - pow(0.9, Double(step)))))
                }
                var wide = description(buffers[1])
                rlterm_adam_step_avx512(&wide)
                Adam.stepSIMD8(description(buffers[0]))
            }
            for (name, buffer) in zip(["parameters", "gradients", "m", "v"], 0..<4) {
                let differing = (0..<count).filter {
                    buffers[0][buffer].base[$0].bitPattern != buffers[1][buffer].base[$0].bitPattern
                }
                #expect(differing.isEmpty, "\(name): \(differing.count) of \(count) differ")
            }
        }
    #endif
}
