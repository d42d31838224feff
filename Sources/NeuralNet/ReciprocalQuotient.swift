extension SIMD8 where Scalar == Float {
    /// a / d without the divider, for the optimizers, whose square root already occupies it: a reciprocal
    /// estimate from the bits of d (0x7EF311C3 − bits, within about 5%), three Newton steps r ← r + r·(1 − d·r)
    /// (each squares the relative error: 2.6·10⁻³, 6.6·10⁻⁶, then about 2⁻²⁴), then q = a·r corrected once by
    /// its exact residual, q ← q + r·(a − d·q), all as fused multiply-adds.
    ///
    /// The estimate holds for d in [2⁻¹²⁵, 2¹²⁵]; lanes outside it (zero, subnormal, huge, ∞, NaN) and lanes
    /// whose quotient is not finite (a residual of ∞ − ∞ would make it NaN) are divided exactly instead. Over a
    /// million random pairs with d and a / d across 36 decades every lane equalled the correctly rounded a / d
    /// (`ReciprocalQuotientTests`, which also checks the edges), so the optimizers take the steps true division
    /// gives. The AVX-512 Adam (WideAdam.c) performs the same operations on sixteen lanes, so both kernel
    /// choices give the same bits.
    @inline(__always)
    static func quotient(_ a: SIMD8<Float>, _ d: SIMD8<Float>) -> SIMD8<Float> {
        let one = SIMD8<Float>(repeating: 1)
        var r = unsafeBitCast(SIMD8<UInt32>(repeating: 0x7EF3_11C3) &- unsafeBitCast(d, to: SIMD8<UInt32>.self),
                              to: SIMD8<Float>.self)
        r = r.addingProduct(r, one.addingProduct(-d, r))
        r = r.addingProduct(r, one.addingProduct(-d, r))
        r = r.addingProduct(r, one.addingProduct(-d, r))
        var q = a * r
        q = q.addingProduct(a.addingProduct(-d, q), r)
        let largest = SIMD8<Float>(repeating: .greatestFiniteMagnitude)
        let reliable = (d .>= SIMD8(repeating: 0x1p-125)) .& (d .<= SIMD8(repeating: 0x1p125)) .& (q .<= largest)
            .& (q .>= -largest)
        if !all(reliable) { q.replace(with: a / d, where: .!reliable) }
        return q
    }
}
