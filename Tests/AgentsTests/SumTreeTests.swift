import RLCore
import Testing
@testable import Agents

@Suite("Sum tree")
struct SumTreeTests {
    @Test("random updates keep every parent the sum, minimum and maximum of its children, and the root the total")
    func randomizedInvariants() throws {
        var generator = RunSeed(21).generator(for: "sum-tree")
        for capacity in [1, 2, 3, 7, 8, 13, 64, 100] {
            var tree = SumTree(capacity: capacity)
            var mirror = [Double?](repeating: nil, count: capacity)
            try tree.checkInvariants()
            for _ in 0..<400 {
                let index = generator.uniformInt(below: capacity)
                let priority = generator.bernoulli(0.1) ? 0 : generator.uniform(0, 5)
                tree.update(index, priority: priority)
                mirror[index] = priority
                try tree.checkInvariants()
                let assigned = mirror.compactMap { $0 }
                #expect(abs(tree.total - assigned.reduce(0, +)) < 1e-9)
                #expect(tree.minimum == assigned.min())
                #expect(tree.maximum == assigned.max())
                #expect(tree[index] == priority)
                let top = try #require(tree.indexOfMaximum)
                #expect(mirror[top] == assigned.max())
                #expect(mirror[..<top].allSatisfy { ($0 ?? -1) < assigned.max()! })
            }
        }
    }

    @Test("the invariant checker reports a parent that does not match its children")
    func checkerDetectsCorruption() {
        var tree = SumTree(capacity: 4)
        for (index, priority) in [1.0, 2, 3, 4].enumerated() { tree.update(index, priority: priority) }
        var broken = tree
        broken.sums[2] += 0.5
        #expect(throws: SumTreeError.sumMismatch(node: 2, stored: 3.5, expected: 3)) { try broken.checkInvariants() }
        broken = tree
        broken.minima[3] = 0
        #expect(throws: SumTreeError.minimumMismatch(node: 3, stored: 0, expected: 3)) { try broken.checkInvariants() }
        broken = tree
        broken.maxima[1] = 9
        #expect(throws: SumTreeError.maximumMismatch(node: 1, stored: 9, expected: 4)) { try broken.checkInvariants() }
        var padded = SumTree(capacity: 3)
        padded.sums[padded.leafOffset + 3] = 1
        #expect(throws: SumTreeError.assignedPadding(node: 7)) { try padded.checkInvariants() }
    }

    @Test("a prefix sum finds the leaf whose interval contains it, skipping zero priorities")
    func prefixSums() {
        var tree = SumTree(capacity: 5)
        for (index, priority) in [1.0, 2, 0, 3, 0].enumerated() { tree.update(index, priority: priority) }
        let cases: [(Double, Int)] = [(0, 0), (0.999, 0), (1, 1), (2.999, 1), (3, 3), (5.999, 3), (6, 3), (7, 3)]
        for (prefix, leaf) in cases { #expect(tree.index(forPrefixSum: prefix) == leaf, "prefix \(prefix)") }
    }

    @Test("uniform prefix sums pick leaves as often as their priorities say")
    func samplingFrequencies() {
        var tree = SumTree(capacity: 6)
        let priorities = [0.5, 2, 0, 4, 1.5, 8]
        for (index, priority) in priorities.enumerated() { tree.update(index, priority: priority) }
        var generator = RunSeed(4).generator(for: "draws")
        let draws = 200_000
        var counts = [Int](repeating: 0, count: priorities.count)
        for _ in 0..<draws { counts[tree.index(forPrefixSum: generator.uniform() * tree.total)] += 1 }
        for (count, priority) in zip(counts, priorities) {
            let p = priority / 16
            let sd = (Double(draws) * p * (1 - p)).squareRoot()
            #expect(abs(Double(count) - Double(draws) * p) <= 5 * sd + 1e-9, "priority \(priority): \(count)")
        }
    }
}
