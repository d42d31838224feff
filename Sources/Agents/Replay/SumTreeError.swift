/// A broken invariant found by `SumTree.checkInvariants()`, located by the node (heap-order index) where it
/// was found.
public enum SumTreeError: Error, CustomStringConvertible, Equatable {
    case sumMismatch(node: Int, stored: Double, expected: Double)
    case minimumMismatch(node: Int, stored: Double, expected: Double)
    case maximumMismatch(node: Int, stored: Double, expected: Double)
    case assignedPadding(node: Int)

    public var description: String {
        switch self {
        case let .sumMismatch(node, stored, expected):
            "sum tree node \(node): holds \(stored), its children sum to \(expected)"
        case let .minimumMismatch(node, stored, expected):
            "sum tree node \(node): minimum \(stored), its children's is \(expected)"
        case let .maximumMismatch(node, stored, expected):
            "sum tree node \(node): maximum \(stored), its children's is \(expected)"
        case let .assignedPadding(node):
            "sum tree node \(node): a padding leaf beyond the capacity holds a priority"
        }
    }
}
