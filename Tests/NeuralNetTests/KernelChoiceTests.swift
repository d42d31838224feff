import CNeuralNetShims
import Testing

@testable import NeuralNet

@Suite("Kernel choices")
struct KernelChoiceTests {
    @Test("RLTERM_KERNELS picks an available choice and explains any other value")
    func resolvesRequests() {
        let widest = Kernels.available[0]
        #expect(Kernels.resolve(nil) == (widest, nil))
        #expect(Kernels.resolve("") == (widest, nil))
        for choice in Kernels.available {
            #expect(Kernels.resolve(choice.rawValue) == (choice, nil))
        }
        let unknown = Kernels.resolve("sse9")
        #expect(unknown.choice == widest)
        #expect(unknown.problem?.contains("RLTERM_KERNELS=sse9 is not a kernel choice") == true)
        for choice in KernelChoice.allCases where !Kernels.available.contains(choice) {
            #expect(Kernels.resolve(choice.rawValue).problem?.contains("is not available on this CPU") == true)
        }
    }

    #if arch(x86_64)
        /// Every start, ReLU, stride layout and ragged edge the networks use: the AVX-512 tiles (12 × 32), which
        /// pack an A read across its rows into panels first, and the SIMD8 tiles (6 × 16 and smaller) must
        /// produce the same bits, since each sums in the same order.
        @Test(
            "the AVX-512 product equals the SIMD8 product bit for bit",
            .enabled(if: Kernels.available.contains(.avx512), "this CPU has no AVX-512"),
            arguments: [
                (1, 64, 4), (1, 2, 64), (3, 7, 5), (13, 37, 45), (32, 128, 128), (64, 256, 256), (256, 256, 64),
                (25, 33, 1), (12, 32, 17), (50, 47, 64), (100, 20, 7), (97, 50, 3),
            ])
        func wideMatchesSIMD8(m: Int, n: Int, k: Int) {
            let a = FloatBuffer(count: 2 * m * k)
            let b = FloatBuffer(count: k * n)
            let bias = FloatBuffer(count: n)
            let initial = TestData.uniform(m * n, seed: 63)
            for (index, value) in TestData.uniform(2 * m * k, scale: 2, seed: 60).enumerated() { a.base[index] = value }
            for (index, value) in TestData.uniform(k * n, scale: 2, seed: 61).enumerated() { b.base[index] = value }
            for (index, value) in TestData.uniform(n, seed: 62).enumerated() { bias.base[index] = value }
            let layouts: [MatrixMultiply.StridedOperand] = [
                .init(base: a.base, rowStride: k, columnStride: 1), .init(base: a.base, rowStride: 1, columnStride: m),
                // Neither stride 1: the AVX-512 product packs such an A element by element.
                .init(base: a.base, rowStride: 2, columnStride: 2 * m),
            ]
            let starts: [(MatrixMultiply.Start, Int32)] = [
                (.zero, Int32(RLTERM_GEMM_START_ZERO)), (.bias(bias.base), Int32(RLTERM_GEMM_START_BIAS)),
                (.accumulate, Int32(RLTERM_GEMM_START_ACCUMULATE)),
            ]
            for layout in layouts {
                for (start, startKind) in starts {
                    for relu in [false, true] {
                        let expected = FloatBuffer(count: m * n)
                        let wide = FloatBuffer(count: m * n)
                        for (index, value) in initial.enumerated() {
                            expected.base[index] = value
                            wide.base[index] = value
                        }
                        MatrixMultiply.multiplySIMD8(
                            m: m, n: n, k: k, a: layout, b: b.base, c: expected.base, start: start, relu: relu)
                        rlterm_gemm_avx512(
                            m, n, k, layout.base, layout.rowStride, layout.columnStride, b.base, wide.base, startKind,
                            bias.base, relu)
                        let differing = (0..<(m * n)).filter {
                            expected.base[$0].bitPattern != wide.base[$0].bitPattern
                        }
                        #expect(differing.isEmpty, "\(m)×\(n)×\(k) \(startKind) relu \(relu): \(differing.count) differ")
                    }
                }
            }
        }

        /// The AVX-512 tanh must give every float the SIMD8 tanh's bits (NaN payloads included), so the kernel
        /// choice cannot change a policy-gradient run; VectorTanhTests checks the accuracy of whichever is active.
        @Test(
            "the AVX-512 tanh equals the SIMD8 tanh bit for bit on all 2^32 floats",
            .enabled(if: Kernels.available.contains(.avx512), "this CPU has no AVX-512"))
        func wideTanhMatchesSIMD8() async {
            let differing = await withTaskGroup(of: Int.self) { group in
                for range in 0..<UInt32(256) {
                    group.addTask { Self.tanhDifferences(from: range << 24, count: 1 << 24) }
                }
                return await group.reduce(0, +)
            }
            #expect(differing == 0, "\(differing) floats where the AVX-512 tanh differs from the SIMD8 one")
        }

        /// The bit patterns `first..<first + count` through both kernels in blocks of 2¹⁶ (ragged lengths
        /// included, for the masked tail): how many results differ.
        static func tanhDifferences(from first: UInt32, count: Int) -> Int {
            let blockSize = 1 << 16
            let narrow = FloatBuffer(count: blockSize)
            let wide = FloatBuffer(count: blockSize)
            var differing = 0
            var offset = 0
            while offset < count {
                let length = min(blockSize - (offset / blockSize) % 16, count - offset)
                for index in 0..<length {
                    narrow.base[index] = Float(bitPattern: first &+ UInt32(offset + index))
                    wide.base[index] = narrow.base[index]
                }
                Activation.tanhSIMD8(narrow.base, count: length)
                rlterm_tanh_avx512(wide.base, length)
                for index in 0..<length where narrow.base[index].bitPattern != wide.base[index].bitPattern {
                    differing += 1
                }
                offset += length
            }
            return differing
        }
    #endif
}
