/// Where a `Rect` is split: a fraction of its length, or a fixed length for the first or the last part.
/// Lengths are clamped to what the rectangle has, so a split never yields a negative size.
public enum Extent: Hashable, Sendable {
    /// The first part gets `fraction` of the length, rounded to the nearest cell.
    case fraction(Double)
    /// The first part gets this many cells.
    case first(Int)
    /// The last part gets this many cells.
    case last(Int)

    /// The length of the first part when the whole is `total` cells long.
    public func firstLength(of total: Int) -> Int {
        let length = switch self {
        case .fraction(let fraction): Int((Double(total) * fraction).rounded())
        case .first(let cells): cells
        case .last(let cells): total - cells
        }
        return min(max(length, 0), max(total, 0))
    }
}
