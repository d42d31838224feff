import RLCore

extension BlindCliffwalk {
    /// The position on the chain and whether the episode is over; the chain draws nothing after it is built.
    public func saveState(into part: inout StatePart) {
        part.set("position", integer: position)
        part.set("over", flags: [isOver])
    }

    public mutating func restoreState(from part: StatePart) throws(StatePartError) {
        let position = try part.integer("position", in: 0...stateCount)
        let over = try part.flags("over", count: 1)[0]
        (self.position, isOver) = (position, over)
    }
}
