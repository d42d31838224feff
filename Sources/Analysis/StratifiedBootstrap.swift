import RLCore

/// A percentile confidence interval for the IQM of scores drawn from several strata (a group's runs on each
/// environment), by rliable's stratified bootstrap: each replicate redraws, with replacement, as many runs
/// from each stratum as it has, so every environment keeps its share of runs; the interval is the middle
/// `level` of the replicates' IQMs (percentile method, `Percentile`). rliable draws 50,000 replicates for
/// its point estimates; a learning curve needs one interval per point, so callers choose fewer.
public struct StratifiedBootstrap {
    public let replicates: Int
    /// The coverage of the interval, 0.95 for a 95% interval.
    public let level: Double

    public init(replicates: Int, level: Double = 0.95) {
        self.replicates = max(replicates, 1)
        self.level = level
    }

    /// The interval of the IQM over every score of `strata` (each stratum not empty), from replicates drawn
    /// with `generator`.
    public func interval(_ strata: [[Double]], using generator: inout Xoshiro256StarStar) -> ClosedRange<Double> {
        let total = strata.reduce(0) { $0 + $1.count }
        var sample = [Double](repeating: 0, count: total)
        var estimates = [Double](repeating: 0, count: replicates)
        for replicate in 0..<replicates {
            var index = 0
            for stratum in strata {
                for _ in stratum.indices {
                    sample[index] = stratum[generator.uniformInt(below: stratum.count)]
                    index += 1
                }
            }
            sample.sort()
            estimates[replicate] = InterquartileMean.ofSorted(sample)
        }
        estimates.sort()
        let tail = (1 - level) / 2 * 100
        return Percentile.ofSorted(estimates, tail)...Percentile.ofSorted(estimates, 100 - tail)
    }
}
