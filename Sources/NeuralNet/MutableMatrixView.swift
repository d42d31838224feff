/// A writable window on a row-major matrix owned by someone else, e.g. a network's `outputGradient`,
/// which a loss fills in place so that backpropagation allocates nothing.
public struct MutableMatrixView {
    /// The number of rows.
    public let rows: Int
    /// The number of columns.
    public let columns: Int
    /// The first element; element (r, c) is at `base[r · columns + c]`.
    public let base: UnsafeMutablePointer<Float>

    /// A view of `rows × columns` floats starting at `base`, which must stay valid while the view is used.
    public init(rows: Int, columns: Int, base: UnsafeMutablePointer<Float>) {
        self.rows = rows
        self.columns = columns
        self.base = base
    }

    /// Element (row, column), bounds-checked.
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

    /// Sets every element to zero.
    public func zero() {
        base.update(repeating: 0, count: rows * columns)
    }
}
