import RLCore
import Testing
@testable import Experiments

@Suite("Blind Cliffwalk Q-function")
struct CliffwalkQFunctionTests {
    /// A Q-function over 3 states, an update of +0.25 at (state 2, action 1), and how far each Q(s, a) should
    /// move, listed as 2s + a.
    @Test("tabular moves only the updated pair; linear moves it twice (state and bias feature) and the action's other states once",
          arguments: [(false, [0, 0, 0, 0, 0, 0.25]), (true, [0, 0.25, 0, 0.25, 0, 0.5])])
    func update(linear: Bool, expected: [Double]) {
        var generator = RunSeed(1).generator(for: "theta")
        var q = CliffwalkQFunction(states: 3, linear: linear, initialDeviation: 0.1, generator: &generator)
        #expect(q.theta.count == (linear ? 8 : 6))
        let before = (0..<6).map { q.value($0 / 2, $0 % 2) }
        q.add(0.25, at: 2, 1)
        let after = (0..<6).map { q.value($0 / 2, $0 % 2) }
        #expect(zip(zip(before, after), expected).allSatisfy { pair, change in abs(pair.1 - pair.0 - change) < 1e-12 })
    }

    @Test("the mean squared error averages over all 2n pairs")
    func meanSquaredError() {
        var generator = RunSeed(3).generator(for: "theta")
        let q = CliffwalkQFunction(states: 2, linear: false, initialDeviation: 0, generator: &generator)
        #expect(q.meanSquaredError(to: [1, 0, 0.5, 0]) == (1 + 0.25) / 4)
    }
}
