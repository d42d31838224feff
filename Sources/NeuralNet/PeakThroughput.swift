/// Measures this core's peak single-precision FMA throughput, the yardstick for the GEMM kernels.
///
/// Twelve independent SIMD8 accumulators (enough to cover FMA latency × pipes on current x86 and ARM
/// cores) each take one fused multiply-add per iteration, so the loop runs at the FMA units' limit:
/// peak = pipes × 8 lanes × 2 flops × clock. Compiled with NeuralNet's flags (FMA on x86-64).
public enum PeakThroughput {
    /// Floating-point operations per second of the FMA loop, best of `repeats` timed runs of `iterations`.
    public static func measureFMA(iterations: Int = 20_000_000, repeats: Int = 5) -> Double {
        let clock = ContinuousClock()
        var best = Duration.seconds(1_000_000)
        var sink: Float = 0
        for _ in 0..<repeats {
            let start = clock.now
            sink += fmaLoop(iterations: iterations)
            best = min(best, clock.now - start)
        }
        let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) * 1e-18
        // Each chain converges to y / (1 − x) = 0.1, so the sink stays finite; it keeps the loop alive.
        return sink.isNaN ? 0 : Double(iterations) * 12 * 8 * 2 / seconds
    }

    @inline(never)
    private static func fmaLoop(iterations: Int) -> Float {
        let x = SIMD8<Float>(repeating: 0.999_999), y = SIMD8<Float>(repeating: 1e-7)
        var a0 = SIMD8<Float>(repeating: 1), a1 = a0 + 1, a2 = a0 + 2, a3 = a0 + 3
        var a4 = a0 + 4, a5 = a0 + 5, a6 = a0 + 6, a7 = a0 + 7
        var a8 = a0 + 8, a9 = a0 + 9, a10 = a0 + 10, a11 = a0 + 11
        for _ in 0..<iterations {
            a0 = y.addingProduct(a0, x)
            a1 = y.addingProduct(a1, x)
            a2 = y.addingProduct(a2, x)
            a3 = y.addingProduct(a3, x)
            a4 = y.addingProduct(a4, x)
            a5 = y.addingProduct(a5, x)
            a6 = y.addingProduct(a6, x)
            a7 = y.addingProduct(a7, x)
            a8 = y.addingProduct(a8, x)
            a9 = y.addingProduct(a9, x)
            a10 = y.addingProduct(a10, x)
            a11 = y.addingProduct(a11, x)
        }
        return (a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11).sum()
    }
}
