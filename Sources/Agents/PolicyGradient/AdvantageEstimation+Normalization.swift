extension AdvantageEstimation {
    /// (xᵢ − mean) / std over the batch (Spinning Up's advantage normalisation), so one learning rate suits
    /// any reward scale; a batch with no spread is only centred.
    public static func normalized(_ x: [Double]) -> [Double] {
        guard !x.isEmpty else { return x }
        let mean = x.reduce(0, +) / Double(x.count)
        let variance = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(x.count)
        let scale = variance > 0 ? 1 / variance.squareRoot() : 1
        return x.map { ($0 - mean) * scale }
    }
}
