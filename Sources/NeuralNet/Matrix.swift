/// A row-major matrix of 32-bit floats in one contiguous array: element (r, c) is `values[r · columns + c]`.
///
/// Use it for batches of observations and targets. Networks read it without copying it; they return their
/// outputs as a `MatrixView` into their own preallocated workspace.
public struct Matrix: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    /// The elements, row after row.
    public var values: [Float]

    /// A `rows × columns` matrix with every element `value`.
    public init(rows: Int, columns: Int, repeating value: Float = 0) {
        precondition(rows >= 0 && columns >= 0, "a matrix cannot have a negative size")
        self.rows = rows
        self.columns = columns
        values = [Float](repeating: value, count: rows * columns)
    }

    /// A `rows × columns` matrix holding `values` row after row.
    public init(rows: Int, columns: Int, values: [Float]) {
        precondition(values.count == rows * columns, "\(values.count) values do not fill \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    public subscript(row: Int, column: Int) -> Float {
        get { values[row * columns + column] }
        set { values[row * columns + column] = newValue }
    }
}
