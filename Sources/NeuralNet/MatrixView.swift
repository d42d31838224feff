/// A read-only window on a row-major matrix owned by someone else (a network's outputs, for instance).
///
/// It is valid only while its owner keeps the memory unchanged: a network's output view lasts until the
/// next `forward` call on that network. Copy out with `toMatrix()` to keep the values.
public struct MatrixView {
    public let rows: Int
    public let columns: Int
    /// The first element; element (r, c) is at `base[r · columns + c]`.
    public let base: UnsafePointer<Float>

    public init(rows: Int, columns: Int, base: UnsafePointer<Float>) {
        self.rows = rows
        self.columns = columns
        self.base = base
    }

    public subscript(row: Int, column: Int) -> Float {
        precondition(row >= 0 && row < rows && column >= 0 && column < columns, "index out of range")
        return base[row * columns + column]
    }

    /// The `columns` elements of row `row`.
    public func row(_ row: Int) -> UnsafeBufferPointer<Float> {
        precondition(row >= 0 && row < rows, "row out of range")
        return UnsafeBufferPointer(start: base + row * columns, count: columns)
    }

    /// A copy that owns its values.
    public func toMatrix() -> Matrix {
        Matrix(rows: rows, columns: columns, values: Array(UnsafeBufferPointer(start: base, count: rows * columns)))
    }
}
