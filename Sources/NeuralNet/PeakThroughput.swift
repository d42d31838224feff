#if arch(x86_64)
    import CNeuralNetShims
#endif

/// Measures this core's peak single-precision FMA throughput per vector unit, the yardstick for the GEMM
/// kernels.
///
/// Independent accumulators (enough to cover FMA latency × pipes on current x86 and ARM cores) each take one
/// fused multiply-add per iteration, so the loop runs at the FMA units' limit: peak = pipes × lanes × 2 flops
/// × clock. `.avx2` and `.portable` time twelve SIMD8 chains compiled with NeuralNet's flags (FMA on x86-64);
/// `.avx512` times sixteen 16-lane chains in C compiled for AVX-512 (`rlterm_fma_loop_avx512`).
public enum PeakThroughput {
    /// Floating-point operations per second of the FMA loop for `unit` (one of `Kernels.available`), best of
    /// `repeats` timed runs of `iterations`.
    public static func measureFMA(unit: KernelChoice = Kernels.active, iterations: Int = 2_000_000, repeats: Int = 25)
        -> Double
    {
        precondition(Kernels.available.contains(unit), "this CPU cannot run \(unit.rawValue) kernels")
        // The AVX-512 loop does 8/3 of the SIMD8 loop's work per iteration; fewer iterations keep runs alike.
        let wideIterations = iterations * 3 / 8
        let flopsPerRun = unit == .avx512 ? Double(wideIterations) * 16 * 16 * 2 : Double(iterations) * 12 * 8 * 2
        let clock = ContinuousClock()
        var best = Duration.seconds(1_000_000)
        var sink: Float = 0
        for _ in 0..<repeats {
            let start = clock.now
            #if arch(x86_64)
                sink += unit == .avx512 ? rlterm_fma_loop_avx512(wideIterations) : fmaLoop(iterations: iterations)
            #else
                sink += fmaLoop(iterations: iterations)
            #endif
            best = min(best, clock.now - start)
        }
        let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) * 1e-18
        // Each chain converges to y / (1 − x) = 0.1, so the sink stays finite; it keeps the loop alive.
        return sink.isNaN ? 0 : flopsPerRun / seconds
    }

    @inline(never)
    private static func fmaLoop(iterations: Int) -> Float {
        let x = SIMD8<Float>(repeating: 0.999_999)
        let y = SIMD8<Float>(repeating: 1e-7)
        var a0 = SIMD8<Float>(repeating: 1)
        var a1 = a0 + 1
        var a2 = a0 + 2
        var a3 = a0 + 3
        var a4 = a0 + 4
        var a5 = a0 + 5
        var a6 = a0 + 6
        var a7 = a0 + 7
        var a8 = a0 + 8
        var a9 = a0 + 9
        var a10 = a0 + 10
        var a11 = a0 + 11
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
