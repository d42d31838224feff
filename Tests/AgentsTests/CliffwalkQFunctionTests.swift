import RLCore
import Testing
@testable import Agents

@Suite("Blind Cliffwalk Q-function")
struct CliffwalkQFunctionTests {
    /// Whether each value moved from `before` to `after` by the expected amount (Q is listed as 2s + a).
    static func moved(_ before: [Double], _ after: [Double], by expected: [Double]) -> Bool {
        zip(zip(before, after), expected).allSatisfy { pair, change in abs(pair.1 - pair.0 - change) < 1e-12 }
    }

    @Test("tabular: an update moves only its own pair")
    func tabular() {
        var generator = RunSeed(1).generator(for: "theta")
        var q = CliffwalkQFunction(states: 3, linear: false, initialDeviation: 0.1, generator: &generator)
        let before = (0..<6).map { q.value($0 / 2, $0 % 2) }
        q.add(0.5, at: 1, 0)
        let after = (0..<6).map { q.value($0 / 2, $0 % 2) }
        #expect(Self.moved(before, after, by: [0, 0, 0.5, 0, 0, 0]))
    }

    @Test("linear: an update moves its pair twice (state and bias feature) and every other state of that action once")
    func linear() {
        var generator = RunSeed(2).generator(for: "theta")
        var q = CliffwalkQFunction(states: 3, linear: true, initialDeviation: 0.1, generator: &generator)
        #expect(q.theta.count == 8)
        let before = (0..<6).map { q.value($0 / 2, $0 % 2) }
        q.add(0.25, at: 2, 1)
        let after = (0..<6).map { q.value($0 / 2, $0 % 2) }
        #expect(Self.moved(before, after, by: [0, 0.25, 0, 0.25, 0, 0.5]))
    }

    @Test("the mean squared error averages over all 2n pairs")
    func meanSquaredError() {
        var generator = RunSeed(3).generator(for: "theta")
        let q = CliffwalkQFunction(states: 2, linear: false, initialDeviation: 0, generator: &generator)
        #expect(q.meanSquaredError(to: [1, 0, 0.5, 0]) == (1 + 0.25) / 4)
    }
}
