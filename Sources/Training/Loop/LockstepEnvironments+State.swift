import RLCore

extension LockstepEnvironments {
    /// Every copy's own state (`copy.I.`), the observation the agent acts on next, each copy's episode return and
    /// length so far, and whose turn it is.
    func saveState(into part: inout StatePart) {
        for (index, copy) in copies.enumerated() { part.storing("copy.\(index)", copy.savedState) }
        part.set("observations", floats: observations.flatMap { $0 })
        part.set("returns", doubles: returns)
        part.set("lengths", integers: lengths)
        part.set("turn", integer: turn)
        part.set("last_stepped", integer: lastStepped)
    }

    mutating func restoreState(from part: StatePart) throws(StatePartError) {
        let count = copies.count, width = copies[0].observationCount
        for index in 0..<count {
            try part.restoring("copy.\(index)") { saved throws(StatePartError) in try copies[index].restoreState(from: saved) }
        }
        let flat = try part.floats("observations", count: count * width)
        let returns = try part.doubles("returns", count: count)
        if let index = returns.firstIndex(where: { !$0.isFinite }) { throw .notFinite(key: "returns", index: index) }
        lengths = try part.integers("lengths", count: count)
        turn = try part.integer("turn", in: 0...(count - 1))
        lastStepped = try part.integer("last_stepped", in: 0...(count - 1))
        self.returns = returns
        observations = (0..<count).map { Array(flat[$0 * width ..< ($0 + 1) * width]) }
    }
}
