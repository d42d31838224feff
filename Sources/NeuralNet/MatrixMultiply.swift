#if arch(x86_64)
    import CNeuralNetShims
#endif

/// The one GEMM behind every dense layer: C = C₀ + 1·biasᵀ + A·B, with B (k × n) and C (m × n) row-major and
/// A (m × k) read through strides, so the same kernel computes X·W (forward), dY·Wᵀ and Xᵀ·dY (backward).
/// Under `Kernels.active == .avx512` it hands the product to `rlterm_gemm_avx512` (12 × 32 tiles of zmm
/// registers), which sums every element in the same order; the Swift tiles below serve the other choices.
///
/// It is register-blocked for SIMD8: a tile of 6 rows × 16 columns of C lives in twelve vector
/// accumulators (enough independent FMAs to hide the FMA latency on two pipes) while the kernel walks k,
/// broadcasting one element of A per row and loading two vectors of B, so each loaded B vector feeds six
/// FMAs. Leftover rows use 4-row and 1-row tiles. Column tails narrower than 8 load a full vector (the
/// operands are `FloatBuffer`s with spare floats after the end) and store only the valid lanes.
enum MatrixMultiply {
    /// How the product starts before A·B is added.
    enum Start {
        case zero
        /// Each row of C starts as the n-vector at this pointer (a layer's bias).
        case bias(UnsafePointer<Float>)
        /// C keeps its contents (gradient accumulation).
        case accumulate
    }

    /// A(i, p) is `a[i · rowStride + p · columnStride]`.
    struct StridedOperand {
        let base: UnsafePointer<Float>
        let rowStride: Int
        let columnStride: Int
    }

    static func multiply(
        m: Int, n: Int, k: Int, a: StridedOperand, b: UnsafePointer<Float>, c: UnsafeMutablePointer<Float>,
        start: Start, relu: Bool = false
    ) {
        #if arch(x86_64)
            if Kernels.usesAVX512 {
                let (startKind, bias): (Int32, UnsafePointer<Float>?) =
                    switch start {
                    case .zero: (Int32(RLTERM_GEMM_START_ZERO), nil)
                    case .bias(let bias): (Int32(RLTERM_GEMM_START_BIAS), bias)
                    case .accumulate: (Int32(RLTERM_GEMM_START_ACCUMULATE), nil)
                    }
                rlterm_gemm_avx512(m, n, k, a.base, a.rowStride, a.columnStride, b, c, startKind, bias, relu)
                return
            }
        #endif
        multiplySIMD8(m: m, n: n, k: k, a: a, b: b, c: c, start: start, relu: relu)
    }

    /// `multiply` on the Swift SIMD8 tiles, whatever the kernel choice (the avx2 and portable paths; tests
    /// compare it with the AVX-512 kernel).
    static func multiplySIMD8(
        m: Int, n: Int, k: Int, a: StridedOperand, b: UnsafePointer<Float>, c: UnsafeMutablePointer<Float>,
        start: Start, relu: Bool
    ) {
        // A single sample (acting) goes straight to the one-row tiles: through the inlined 6-row tiles' set-up
        // it took 10% longer.
        if m < 4 {
            singleRows(from: 0, m: m, n: n, k: k, a: a, b: b, c: c, start: start, relu: relu)
            return
        }
        // Prefer 6-row tiles, but end on 4-row tiles rather than leave 2 rows (32 = 4·6 + 2·4).
        let remainder = m % 6
        let sixRowEnd = n < 16 ? 0 : (remainder == 2 && m >= 8 ? m - 8 : m - remainder)
        // Column strips outside, row tiles inside: a 16-column strip of B (k × 64 bytes) stays in L1
        // while every row tile of A passes over it.
        var column = 0
        while column + 16 <= n {
            var tileRow = 0
            while tileRow < sixRowEnd {
                tile6x16(row: tileRow, column: column, n: n, k: k, a: a, b: b, c: c, start: start, relu: relu)
                tileRow += 6
            }
            while tileRow + 4 <= m {
                tile4x16(row: tileRow, column: column, n: n, k: k, a: a, b: b, c: c, start: start, relu: relu)
                tileRow += 4
            }
            column += 16
        }
        let stripEnd = column
        var row = 0
        while row < sixRowEnd {
            var column = stripEnd
            while column < n {
                tile4x8(
                    row: row, column: column, width: min(8, n - column), n: n, k: k, a: a, b: b, c: c,
                    start: start, relu: relu)
                tile1x8(
                    row: row + 4, column: column, width: min(8, n - column), n: n, k: k, a: a, b: b, c: c,
                    start: start, relu: relu)
                tile1x8(
                    row: row + 5, column: column, width: min(8, n - column), n: n, k: k, a: a, b: b, c: c,
                    start: start, relu: relu)
                column += 8
            }
            row += 6
        }
        while row + 4 <= m {
            var column = stripEnd
            while column < n {
                tile4x8(
                    row: row, column: column, width: min(8, n - column), n: n, k: k, a: a, b: b, c: c,
                    start: start, relu: relu)
                column += 8
            }
            row += 4
        }
        singleRows(from: row, m: m, n: n, k: k, a: a, b: b, c: c, start: start, relu: relu)
    }

    /// Rows `first..<m`, each in 1 × 8 tiles across all columns; out of line, so that a single sample's product
    /// does not run in the frame of `multiply` with its inlined 6-row tiles.
    @inline(never)
    private static func singleRows(
        from first: Int, m: Int, n: Int, k: Int, a: StridedOperand, b: UnsafePointer<Float>,
        c: UnsafeMutablePointer<Float>, start: Start, relu: Bool
    ) {
        var row = first
        while row < m {
            var column = 0
            while column < n {
                tile1x8(
                    row: row, column: column, width: min(8, n - column), n: n, k: k, a: a, b: b, c: c,
                    start: start, relu: relu)
                column += 8
            }
            row += 1
        }
    }

    @inline(__always)
    private static func initial(_ start: Start, _ c: UnsafeMutablePointer<Float>, _ column: Int)
        -> SIMD8<Float>
    {
        switch start {
        case .zero: return SIMD8(repeating: 0)
        case .bias(let bias): return SIMD8.load(bias + column)
        case .accumulate: return SIMD8.load(c)
        }
    }

    /// max(x, 0) when the product feeds a ReLU (fused here to save a pass over the outputs).
    @inline(__always)
    private static func rectified(_ value: SIMD8<Float>, _ relu: Bool) -> SIMD8<Float> {
        relu ? value.replacing(with: 0, where: value .< 0) : value
    }

    @inline(__always)
    private static func finish(_ value: SIMD8<Float>, _ c: UnsafeMutablePointer<Float>, width: Int) {
        if width == 8 {
            value.store(c)
        } else {
            value.storePrefix(c, count: width)
        }
    }

    /// Inlined into `multiply`: a call per tile, with these many arguments, took about 0.5% of a training step,
    /// mostly where k is short (4 for ∂L/∂x under a four-output layer, 32 for ∂L/∂W at batch 32).
    @inline(__always)
    private static func tile6x16(
        row: Int, column: Int, n: Int, k: Int, a: StridedOperand, b: UnsafePointer<Float>,
        c: UnsafeMutablePointer<Float>, start: Start, relu: Bool
    ) {
        let c0 = c + row * n + column
        let c1 = c0 + n
        let c2 = c1 + n
        let c3 = c2 + n
        let c4 = c3 + n
        let c5 = c4 + n
        var x00 = initial(start, c0, column)
        var x01 = initial(start, c0 + 8, column + 8)
        var x10 = initial(start, c1, column)
        var x11 = initial(start, c1 + 8, column + 8)
        var x20 = initial(start, c2, column)
        var x21 = initial(start, c2 + 8, column + 8)
        var x30 = initial(start, c3, column)
        var x31 = initial(start, c3 + 8, column + 8)
        var x40 = initial(start, c4, column)
        var x41 = initial(start, c4 + 8, column + 8)
        var x50 = initial(start, c5, column)
        var x51 = initial(start, c5 + 8, column + 8)
        var a0 = a.base + row * a.rowStride
        let rs = a.rowStride
        let cs = a.columnStride
        var bRow = b + column
        for _ in 0..<k {
            let b0 = SIMD8.load(bRow)
            let b1 = SIMD8.load(bRow + 8)
            let s0 = SIMD8(repeating: a0[0])
            let s1 = SIMD8(repeating: a0[rs])
            let s2 = SIMD8(repeating: a0[2 * rs])
            x00 = x00.addingProduct(s0, b0)
            x01 = x01.addingProduct(s0, b1)
            x10 = x10.addingProduct(s1, b0)
            x11 = x11.addingProduct(s1, b1)
            x20 = x20.addingProduct(s2, b0)
            x21 = x21.addingProduct(s2, b1)
            let s3 = SIMD8(repeating: a0[3 * rs])
            let s4 = SIMD8(repeating: a0[4 * rs])
            let s5 = SIMD8(repeating: a0[5 * rs])
            x30 = x30.addingProduct(s3, b0)
            x31 = x31.addingProduct(s3, b1)
            x40 = x40.addingProduct(s4, b0)
            x41 = x41.addingProduct(s4, b1)
            x50 = x50.addingProduct(s5, b0)
            x51 = x51.addingProduct(s5, b1)
            a0 += cs
            bRow += n
        }
        rectified(x00, relu).store(c0)
        rectified(x01, relu).store(c0 + 8)
        rectified(x10, relu).store(c1)
        rectified(x11, relu).store(c1 + 8)
        rectified(x20, relu).store(c2)
        rectified(x21, relu).store(c2 + 8)
        rectified(x30, relu).store(c3)
        rectified(x31, relu).store(c3 + 8)
        rectified(x40, relu).store(c4)
        rectified(x41, relu).store(c4 + 8)
        rectified(x50, relu).store(c5)
        rectified(x51, relu).store(c5 + 8)
    }

    private static func tile4x16(
        row: Int, column: Int, n: Int, k: Int, a: StridedOperand, b: UnsafePointer<Float>,
        c: UnsafeMutablePointer<Float>, start: Start, relu: Bool
    ) {
        let c0 = c + row * n + column
        let c1 = c0 + n
        let c2 = c1 + n
        let c3 = c2 + n
        var x00 = initial(start, c0, column)
        var x01 = initial(start, c0 + 8, column + 8)
        var x10 = initial(start, c1, column)
        var x11 = initial(start, c1 + 8, column + 8)
        var x20 = initial(start, c2, column)
        var x21 = initial(start, c2 + 8, column + 8)
        var x30 = initial(start, c3, column)
        var x31 = initial(start, c3 + 8, column + 8)
        var a0 = a.base + row * a.rowStride
        let rs = a.rowStride
        let cs = a.columnStride
        var bRow = b + column
        for _ in 0..<k {
            let b0 = SIMD8.load(bRow)
            let b1 = SIMD8.load(bRow + 8)
            let s0 = SIMD8(repeating: a0[0])
            let s1 = SIMD8(repeating: a0[rs])
            let s2 = SIMD8(repeating: a0[2 * rs])
            let s3 = SIMD8(repeating: a0[3 * rs])
            x00 = x00.addingProduct(s0, b0)
            x01 = x01.addingProduct(s0, b1)
            x10 = x10.addingProduct(s1, b0)
            x11 = x11.addingProduct(s1, b1)
            x20 = x20.addingProduct(s2, b0)
            x21 = x21.addingProduct(s2, b1)
            x30 = x30.addingProduct(s3, b0)
            x31 = x31.addingProduct(s3, b1)
            a0 += cs
            bRow += n
        }
        rectified(x00, relu).store(c0)
        rectified(x01, relu).store(c0 + 8)
        rectified(x10, relu).store(c1)
        rectified(x11, relu).store(c1 + 8)
        rectified(x20, relu).store(c2)
        rectified(x21, relu).store(c2 + 8)
        rectified(x30, relu).store(c3)
        rectified(x31, relu).store(c3 + 8)
    }

    private static func tile4x8(
        row: Int, column: Int, width: Int, n: Int, k: Int, a: StridedOperand, b: UnsafePointer<Float>,
        c: UnsafeMutablePointer<Float>, start: Start, relu: Bool
    ) {
        let c0 = c + row * n + column
        let c1 = c0 + n
        let c2 = c1 + n
        let c3 = c2 + n
        var x0 = initial(start, c0, column)
        var x1 = initial(start, c1, column)
        var x2 = initial(start, c2, column)
        var x3 = initial(start, c3, column)
        var a0 = a.base + row * a.rowStride
        let rs = a.rowStride
        let cs = a.columnStride
        var bRow = b + column
        for _ in 0..<k {
            let b0 = SIMD8.load(bRow)
            x0 = x0.addingProduct(SIMD8(repeating: a0[0]), b0)
            x1 = x1.addingProduct(SIMD8(repeating: a0[rs]), b0)
            x2 = x2.addingProduct(SIMD8(repeating: a0[2 * rs]), b0)
            x3 = x3.addingProduct(SIMD8(repeating: a0[3 * rs]), b0)
            a0 += cs
            bRow += n
        }
        finish(rectified(x0, relu), c0, width: width)
        finish(rectified(x1, relu), c1, width: width)
        finish(rectified(x2, relu), c2, width: width)
        finish(rectified(x3, relu), c3, width: width)
    }

    private static func tile1x8(
        row: Int, column: Int, width: Int, n: Int, k: Int, a: StridedOperand, b: UnsafePointer<Float>,
        c: UnsafeMutablePointer<Float>, start: Start, relu: Bool
    ) {
        let c0 = c + row * n + column
        var x0 = initial(start, c0, column)
        var a0 = a.base + row * a.rowStride
        let cs = a.columnStride
        var bRow = b + column
        for _ in 0..<k {
            x0 = x0.addingProduct(SIMD8(repeating: a0[0]), SIMD8.load(bRow))
            a0 += cs
            bRow += n
        }
        finish(rectified(x0, relu), c0, width: width)
    }

    /// C = 1·biasᵀ + A·Bᵀ (or A·Bᵀ without a bias) with A (m × k) and B (n × k) row-major: each element is
    /// a dot product along k, SIMD8 in a tile of 6 rows × 2 columns whose twelve accumulators are summed
    /// across lanes by horizontal-add trees at the end. Used where k is B's contiguous direction: forward
    /// through output layers narrower than one vector (∂L/∂x of wide layers transposes W and uses `multiply`).
    static func multiplyTransposed(
        m: Int, n: Int, k: Int, a: UnsafePointer<Float>, b: UnsafePointer<Float>, c: UnsafeMutablePointer<Float>,
        bias: UnsafePointer<Float>?
    ) {
        var row = 0
        while row < m {
            let rows = min(6, m - row)
            var column = 0
            while column < n {
                let columns = min(2, n - column)
                dotTile(
                    row: row, rows: rows, column: column, columns: columns, n: n, k: k, a: a, b: b, c: c, bias: bias)
                column += columns
            }
            row += rows
        }
    }

    /// Up to 6 rows × 2 columns of dot products (twelve accumulators). Rows and columns past the tile's
    /// extent repeat the last valid one (computed, never stored), which keeps the loop free of branches.
    @inline(__always)
    private static func dotTile(
        row: Int, rows: Int, column: Int, columns: Int, n: Int, k: Int, a: UnsafePointer<Float>,
        b: UnsafePointer<Float>, c: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>?
    ) {
        let last = rows - 1
        let a0 = a + row * k
        let a1 = a0 + min(1, last) * k
        let a2 = a0 + min(2, last) * k
        let a3 = a0 + min(3, last) * k
        let a4 = a0 + min(4, last) * k
        let a5 = a0 + min(5, last) * k
        let b0 = b + column * k
        let b1 = b + (column + columns - 1) * k
        var x00 = SIMD8<Float>()
        var x01 = SIMD8<Float>()
        var x10 = SIMD8<Float>()
        var x11 = SIMD8<Float>()
        var x20 = SIMD8<Float>()
        var x21 = SIMD8<Float>()
        var x30 = SIMD8<Float>()
        var x31 = SIMD8<Float>()
        var x40 = SIMD8<Float>()
        var x41 = SIMD8<Float>()
        var x50 = SIMD8<Float>()
        var x51 = SIMD8<Float>()
        var p = 0
        while p + 8 <= k {
            let v0 = SIMD8.load(b0 + p)
            let v1 = SIMD8.load(b1 + p)
            let u0 = SIMD8.load(a0 + p)
            let u1 = SIMD8.load(a1 + p)
            let u2 = SIMD8.load(a2 + p)
            x00 = x00.addingProduct(u0, v0)
            x01 = x01.addingProduct(u0, v1)
            x10 = x10.addingProduct(u1, v0)
            x11 = x11.addingProduct(u1, v1)
            x20 = x20.addingProduct(u2, v0)
            x21 = x21.addingProduct(u2, v1)
            let u3 = SIMD8.load(a3 + p)
            let u4 = SIMD8.load(a4 + p)
            let u5 = SIMD8.load(a5 + p)
            x30 = x30.addingProduct(u3, v0)
            x31 = x31.addingProduct(u3, v1)
            x40 = x40.addingProduct(u4, v0)
            x41 = x41.addingProduct(u4, v1)
            x50 = x50.addingProduct(u5, v0)
            x51 = x51.addingProduct(u5, v1)
            p += 8
        }
        let zero = SIMD8<Float>()
        var first = sum8x8(x00, x01, x10, x11, x20, x21, x30, x31)
        var second = sum8x8(x40, x41, x50, x51, zero, zero, zero, zero)
        let rowPointers = (a0, a1, a2, a3, a4, a5)
        while p < k {
            let v0 = b0[p]
            let v1 = b1[p]
            first[0] += rowPointers.0[p] * v0
            first[1] += rowPointers.0[p] * v1
            first[2] += rowPointers.1[p] * v0
            first[3] += rowPointers.1[p] * v1
            first[4] += rowPointers.2[p] * v0
            first[5] += rowPointers.2[p] * v1
            first[6] += rowPointers.3[p] * v0
            first[7] += rowPointers.3[p] * v1
            second[0] += rowPointers.4[p] * v0
            second[1] += rowPointers.4[p] * v1
            second[2] += rowPointers.5[p] * v0
            second[3] += rowPointers.5[p] * v1
            p += 1
        }
        let bias0 = bias.map { $0[column] } ?? 0
        let bias1 = bias.map { $0[column + columns - 1] } ?? 0
        for tileRow in 0..<rows {
            let target = c + (row + tileRow) * n + column
            let pair =
                tileRow < 4
                ? (first[2 * tileRow], first[2 * tileRow + 1]) : (second[2 * tileRow - 8], second[2 * tileRow - 7])
            target[0] = bias0 + pair.0
            if columns == 2 { target[1] = bias1 + pair.1 }
        }
    }

    /// The lane sums of eight vectors, [Σa0, Σa1, …, Σa7].
    @inline(__always)
    private static func sum8x8(
        _ a0: SIMD8<Float>, _ a1: SIMD8<Float>, _ a2: SIMD8<Float>, _ a3: SIMD8<Float>,
        _ a4: SIMD8<Float>, _ a5: SIMD8<Float>, _ a6: SIMD8<Float>, _ a7: SIMD8<Float>
    ) -> SIMD8<Float> {
        #if arch(x86_64)
            return rlterm_sum8x8(a0, a1, a2, a3, a4, a5, a6, a7)
        #else
            return SIMD8(a0.sum(), a1.sum(), a2.sum(), a3.sum(), a4.sum(), a5.sum(), a6.sum(), a7.sum())
        #endif
    }
}
