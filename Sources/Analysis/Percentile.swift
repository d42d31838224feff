/// Percentiles of a sample by linear interpolation between order statistics (numpy's default `linear`
/// method): the p-th percentile of sorted x₀ ≤ … ≤ xₙ₋₁ is x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋+1 − x_⌊h⌋), h = (n − 1)·p/100.
public enum Percentile {
    /// The `percent`-th percentile (0…100) of values already in ascending order (not empty).
    public static func ofSorted(_ sorted: [Double], _ percent: Double) -> Double {
        let h = Double(sorted.count - 1) * percent / 100
        let below = min(max(Int(h.rounded(.down)), 0), sorted.count - 1)
        let above = min(below + 1, sorted.count - 1)
        return sorted[below] + (h - Double(below)) * (sorted[above] - sorted[below])
    }
}
