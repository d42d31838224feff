/// A writable window on a row-major matrix owned by someone else, e.g. a network's `outputGradient`,
/// which a loss fills in place so that backpropagation allocates nothing.
public struct MutableMatrixView {
    public let rows: Int
    public let columns: Int
    /// The first element; element (r, c) is at `base[r · columns + c]`.
    public let base: UnsafeMutablePointer<Float>

    public init(rows: Int, columns: Int, base: UnsafeMutablePointer<Float>) {
        self.rows = rows
        self.columns = columns
        self.base = base
    }

    public subscript(row: Int, column: Int) -> Float {
        get {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns, "index out of range")
            return base[row * columns + column]
        }
        nonmutating set {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns, "index out of range")
            base[row * columns + column] = newValue
        }
    }

    /// The same memory, read-only.
    public var view: MatrixView {
        MatrixView(rows: rows, columns: columns, base: UnsafePointer(base))
    }

    /// Sets every element to zero.
    public func zero() {
        base.update(repeating: 0, count: rows * columns)
    }
}
