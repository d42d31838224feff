#if arch(x86_64)
    import CNeuralNetShims
#endif

/// Out-of-place transposes for the layers whose products need an operand the other way round (`MLP`'s
/// ∂L/∂x, `Conv2D`'s ∂L/∂W).
enum MatrixTranspose {
    /// Writes the transpose of a row-major `rows × columns` matrix: 8 × 8 blocks, then the rows and columns
    /// past the last whole block one float at a time. The blocks go down each 8-column strip of the source, so
    /// the target is written row after row: 128 × 32 and 256 × 256 took a third less time than across the rows.
    static func transpose(
        _ source: UnsafePointer<Float>, rows: Int, columns: Int, into target: UnsafeMutablePointer<Float>
    ) {
        let blockRows = rows - rows % 8, blockColumns = columns - columns % 8
        for column in stride(from: 0, to: blockColumns, by: 8) {
            for row in stride(from: 0, to: blockRows, by: 8) {
                #if arch(x86_64)
                    rlterm_transpose8x8(source + row * columns + column, columns, target + column * rows + row, rows)
                #else
                    for r in row..<(row + 8) {
                        for c in column..<(column + 8) { target[c * rows + r] = source[r * columns + c] }
                    }
                #endif
            }
        }
        for row in 0..<rows {
            for column in (row < blockRows ? blockColumns : 0)..<columns {
                target[column * rows + row] = source[row * columns + column]
            }
        }
    }
}
