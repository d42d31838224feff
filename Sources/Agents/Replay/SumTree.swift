/// The sum tree of prioritized replay (Schaul et al. 2016, Appendix B.2.1): leaves hold non-negative
/// priorities, each parent the sum of its two children, so the root is p_total and both changing a priority
/// and finding the leaf where a prefix sum falls cost O(log n).
///
/// Each node also keeps the minimum and maximum of its subtree: the minimum gives the largest
/// importance-sampling weight over the whole memory, the maximum gives greedy (max-priority) replay.
/// The tree is a flat array in heap order (root at 1, children of i at 2i and 2i + 1) over a power-of-two
/// number of leaves; a leaf never assigned counts 0 towards sums and is ignored by minimum and maximum.
/// Sums are Doubles so that a million small priorities still add up accurately.
public struct SumTree: Sendable {
    /// The number of leaves that can hold a priority (indices `0..<capacity`).
    public let capacity: Int
    /// The index of leaf 0 in the node arrays (a power of two ≥ capacity).
    let leafOffset: Int
    var sums: [Double]
    var minima: [Double]
    var maxima: [Double]

    public init(capacity: Int) {
        precondition(capacity >= 1, "a sum tree needs at least one leaf")
        self.capacity = capacity
        var leaves = 1
        while leaves < capacity { leaves *= 2 }
        leafOffset = leaves
        sums = [Double](repeating: 0, count: 2 * leaves)
        minima = [Double](repeating: .infinity, count: 2 * leaves)
        maxima = [Double](repeating: -.infinity, count: 2 * leaves)
    }

    /// The bytes a tree of `capacity` leaves allocates: three node arrays over a power-of-two leaf count.
    public static func bytes(capacity: Int) -> Int {
        var leaves = 1
        while leaves < capacity { leaves *= 2 }
        return 3 * 2 * leaves * MemoryLayout<Double>.stride
    }

    /// The priority of leaf `index` (0 if never assigned).
    public subscript(index: Int) -> Double {
        precondition(index >= 0 && index < capacity, "leaf \(index) outside 0..<\(capacity)")
        return sums[leafOffset + index]
    }

    /// Sets the priority of leaf `index` and recomputes its ancestors from their children (O(log n), no
    /// allocation); recomputing rather than adding a difference keeps every parent exactly left + right.
    public mutating func update(_ index: Int, priority: Double) {
        precondition(index >= 0 && index < capacity, "leaf \(index) outside 0..<\(capacity)")
        precondition(priority >= 0 && priority.isFinite, "priority \(priority) must be finite and non-negative")
        var node = leafOffset + index
        sums[node] = priority
        minima[node] = priority
        maxima[node] = priority
        node /= 2
        while node >= 1 {
            let left = 2 * node, right = left + 1
            sums[node] = sums[left] + sums[right]
            minima[node] = min(minima[left], minima[right])
            maxima[node] = max(maxima[left], maxima[right])
            node /= 2
        }
    }

    /// p_total, the sum of all priorities.
    public var total: Double { sums[1] }

    /// The smallest assigned priority (+∞ while no leaf has been assigned).
    public var minimum: Double { minima[1] }

    /// The largest assigned priority (−∞ while no leaf has been assigned).
    public var maximum: Double { maxima[1] }

    /// The leaf holding the largest priority (the leftmost among equals), or nil while the tree is empty.
    public var indexOfMaximum: Int? {
        guard maxima[1] > -.infinity else { return nil }
        var node = 1
        while node < leafOffset {
            node = maxima[2 * node] >= maxima[2 * node + 1] ? 2 * node : 2 * node + 1
        }
        return node - leafOffset
    }

    /// The leaf i whose priority interval [Σ_{j<i} p_j, Σ_{j≤i} p_j) contains `prefixSum`, so a `prefixSum`
    /// uniform in [0, total) picks leaf i with probability p_i / p_total. Values at or beyond the total
    /// (rounding) give the last leaf with a positive priority; the tree must not be empty.
    public func index(forPrefixSum prefixSum: Double) -> Int {
        precondition(sums[1] > 0, "cannot sample from a sum tree whose total is 0")
        var node = 1
        var remaining = prefixSum
        while node < leafOffset {
            let left = 2 * node
            // Rounding can leave `remaining` just above the left sum while the right subtree is empty.
            if remaining < sums[left] || sums[left + 1] <= 0 {
                node = left
            } else {
                remaining -= sums[left]
                node = left + 1
            }
        }
        return node - leafOffset
    }

    /// Verifies that every parent holds the sum (within a relative 1e-12), minimum and maximum of its
    /// children, and that leaves beyond the capacity are unassigned. Randomized tests call it after every
    /// operation, in the manner of swift-collections' `Heap` invariants.
    public func checkInvariants() throws(SumTreeError) {
        for leaf in leafOffset + capacity ..< 2 * leafOffset where sums[leaf] != 0 || minima[leaf] != .infinity || maxima[leaf] != -.infinity {
            throw .assignedPadding(node: leaf)
        }
        for node in stride(from: leafOffset - 1, through: 1, by: -1) {
            let left = 2 * node, right = left + 1
            let expected = sums[left] + sums[right]
            if abs(sums[node] - expected) > 1e-12 * max(1, abs(expected)) {
                throw .sumMismatch(node: node, stored: sums[node], expected: expected)
            }
            if minima[node] != min(minima[left], minima[right]) {
                throw .minimumMismatch(node: node, stored: minima[node], expected: min(minima[left], minima[right]))
            }
            if maxima[node] != max(maxima[left], maxima[right]) {
                throw .maximumMismatch(node: node, stored: maxima[node], expected: max(maxima[left], maxima[right]))
            }
        }
    }
}
