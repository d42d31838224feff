/// The one GEMM behind every dense layer: C = C₀ + 1·biasᵀ + A·B, with B (k × n) and C (m × n) row-major and
/// A (m × k) read through strides, so the same kernel computes X·W (forward), dY·Wᵀ and Xᵀ·dY (backward).
///
/// It is register-blocked for SIMD8: a tile of 4 rows × 16 columns of C lives in eight vector
/// accumulators while the kernel walks k, broadcasting one element of A per row and loading two vectors of
/// B, so each loaded B vector feeds four FMAs. Column tails narrower than 8 load a full vector (the
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
        start: Start
    ) {
        var row = 0
        while row + 4 <= m {
            var column = 0
            while column + 16 <= n {
                tile4x16(row: row, column: column, n: n, k: k, a: a, b: b, c: c, start: start)
                column += 16
            }
            while column < n {
                tile4x8(row: row, column: column, width: min(8, n - column), n: n, k: k, a: a, b: b, c: c,
                        start: start)
                column += 8
            }
            row += 4
        }
        while row < m {
            var column = 0
            while column < n {
                tile1x8(row: row, column: column, width: min(8, n - column), n: n, k: k, a: a, b: b, c: c,
                        start: start)
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

    @inline(__always)
    private static func finish(_ value: SIMD8<Float>, _ c: UnsafeMutablePointer<Float>, width: Int) {
        if width == 8 {
            value.store(c)
        } else {
            value.storePrefix(c, count: width)
        }
    }

    private static func tile4x16(
        row: Int, column: Int, n: Int, k: Int, a: StridedOperand, b: UnsafePointer<Float>,
        c: UnsafeMutablePointer<Float>, start: Start
    ) {
        let c0 = c + row * n + column, c1 = c0 + n, c2 = c1 + n, c3 = c2 + n
        var x00 = initial(start, c0, column), x01 = initial(start, c0 + 8, column + 8)
        var x10 = initial(start, c1, column), x11 = initial(start, c1 + 8, column + 8)
        var x20 = initial(start, c2, column), x21 = initial(start, c2 + 8, column + 8)
        var x30 = initial(start, c3, column), x31 = initial(start, c3 + 8, column + 8)
        var a0 = a.base + row * a.rowStride
        let rs = a.rowStride, cs = a.columnStride
        var bRow = b + column
        for _ in 0..<k {
            let b0 = SIMD8.load(bRow), b1 = SIMD8.load(bRow + 8)
            let s0 = SIMD8(repeating: a0[0]), s1 = SIMD8(repeating: a0[rs])
            let s2 = SIMD8(repeating: a0[2 * rs]), s3 = SIMD8(repeating: a0[3 * rs])
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
        x00.store(c0)
        x01.store(c0 + 8)
        x10.store(c1)
        x11.store(c1 + 8)
        x20.store(c2)
        x21.store(c2 + 8)
        x30.store(c3)
        x31.store(c3 + 8)
    }

    private static func tile4x8(
        row: Int, column: Int, width: Int, n: Int, k: Int, a: StridedOperand, b: UnsafePointer<Float>,
        c: UnsafeMutablePointer<Float>, start: Start
    ) {
        let c0 = c + row * n + column, c1 = c0 + n, c2 = c1 + n, c3 = c2 + n
        var x0 = initial(start, c0, column), x1 = initial(start, c1, column)
        var x2 = initial(start, c2, column), x3 = initial(start, c3, column)
        var a0 = a.base + row * a.rowStride
        let rs = a.rowStride, cs = a.columnStride
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
        finish(x0, c0, width: width)
        finish(x1, c1, width: width)
        finish(x2, c2, width: width)
        finish(x3, c3, width: width)
    }

    private static func tile1x8(
        row: Int, column: Int, width: Int, n: Int, k: Int, a: StridedOperand, b: UnsafePointer<Float>,
        c: UnsafeMutablePointer<Float>, start: Start
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
        finish(x0, c0, width: width)
    }
}
