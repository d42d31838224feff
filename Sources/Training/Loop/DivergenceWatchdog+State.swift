import RLCore

extension DivergenceWatchdog {
    /// The fits seen, the smoothed loss and its running minimum (none while infinite, before the warm-up ends).
    func saveState(into part: inout StatePart) {
        part.set("fits", integer: fits)
        part.set("smoothed_loss", optional: smoothedLoss)
        part.set("minimum_loss", optional: minimumLoss.isFinite ? minimumLoss : nil)
    }

    mutating func restoreState(from part: StatePart) throws(StatePartError) {
        fits = try part.integer("fits")
        smoothedLoss = try part.optionalDouble("smoothed_loss")
        minimumLoss = try part.optionalDouble("minimum_loss") ?? .infinity
    }
}
