/// The interquartile mean (IQM), the aggregate Agarwal et al. (2021, "Deep RL at the Edge of the Statistical
/// Precipice") recommend over the mean (one lucky seed moves it) and the median (it ignores half the runs):
/// the mean of the middle half of the scores. As rliable computes it (scipy's `trim_mean` with a quarter cut
/// from each end), ⌊n/4⌋ scores are dropped from each end of the sorted n scores, so below four scores the
/// IQM is the mean.
public enum InterquartileMean {
    /// The IQM of `scores`, nil when there are none.
    public static func of(_ scores: [Double]) -> Double? {
        guard !scores.isEmpty else { return nil }
        var sorted = scores
        sorted.sort()
        return ofSorted(sorted)
    }

    /// The IQM of scores already in ascending order (not empty).
    static func ofSorted(_ sorted: [Double]) -> Double {
        let cut = sorted.count / 4
        let middle = sorted[cut..<(sorted.count - cut)]
        return middle.reduce(0, +) / Double(middle.count)
    }
}
