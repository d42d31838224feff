/// Why `IntegerList.parse` rejected a list: `description` reads `column C: 'ITEM' problem`, the column
/// (from 1, in characters) being where the offending comma-separated item starts.
public struct IntegerListError: Error, Sendable, Equatable, CustomStringConvertible {
    public let column: Int
    /// The item as written, spaces included.
    public let item: String
    public let problem: Problem

    public init(column: Int, item: String, problem: Problem) {
        self.column = column
        self.item = item
        self.problem = problem
    }

    public var description: String { "column \(column): '\(item)' \(problem)" }

    /// What is wrong with the item.
    public enum Problem: Sendable, Equatable, CustomStringConvertible {
        /// Nothing between two commas, or an empty list.
        case empty
        /// Neither a whole number nor a range `A-B` of two.
        case notANumber
        /// A range `A-B` with A > B.
        case descendingRange
        /// A number (or range end) outside the allowed range.
        case outOfRange(Int, allowed: ClosedRange<Int>)
        /// A number an earlier item already listed.
        case repeated(Int)

        public var description: String {
            switch self {
            case .empty: "is empty (expected a number or a range A-B)"
            case .notANumber: "is not a whole number or a range A-B"
            case .descendingRange: "is a range whose start is above its end"
            case .outOfRange(let number, let allowed): "has \(number), outside \(allowed.lowerBound)…\(allowed.upperBound)"
            case .repeated(let number): "repeats \(number)"
            }
        }
    }
}
