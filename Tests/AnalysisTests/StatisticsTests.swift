import Analysis
import RLCore
import Testing

@Suite("IQM, percentiles and the stratified bootstrap, against cases worked by hand")
struct StatisticsTests {
    @Test("the IQM drops ⌊n/4⌋ scores from each end (scipy's trim_mean with a quarter cut)")
    func interquartileMean() {
        #expect(InterquartileMean.of([]) == nil)
        #expect(InterquartileMean.of([4, 1, 7]) == 4, "fewer than four scores: nothing is cut")
        #expect(InterquartileMean.of([100, 1, 3, 2, 4]) == 3, "n = 5 cuts one from each end: mean of 2, 3, 4")
        #expect(InterquartileMean.of([8, 7, 6, 5, 4, 3, 2, 1]) == 4.5, "n = 8 cuts two: mean of 3, 4, 5, 6")
        #expect(InterquartileMean.of([0, 5, 10, 1000, -1000, 5, 5, 5, 5, 5]) == 5, "n = 10 cuts two from each end")
    }

    @Test("percentiles interpolate linearly between order statistics, as numpy's default does")
    func percentiles() {
        #expect(Percentile.ofSorted([1, 2, 3, 4], 50) == 2.5)
        #expect(abs(Percentile.ofSorted([1, 2, 3, 4], 2.5) - 1.075) < 1e-12, "h = 3 · 0.025 = 0.075")
        #expect(abs(Percentile.ofSorted([1, 2, 3, 4], 97.5) - 3.925) < 1e-12)
        #expect(Percentile.ofSorted([7], 97.5) == 7)
        #expect(Percentile.ofSorted([0, 10], 0) == 0 && Percentile.ofSorted([0, 10], 100) == 10)
    }

    @Test("three runs 0, 3, 6: a resample is all zeros (or all sixes) with probability 1/27 > 2.5%, so the 95% interval is [0, 6]")
    func smallCaseByHand() {
        var generator = Xoshiro256StarStar(seed: 1)
        let interval = StratifiedBootstrap(replicates: 20_000).interval([[0, 3, 6]], using: &generator)
        #expect(interval == 0...6)
    }

    @Test("two runs 0 and 10: the replicates are 0, 5 and 10 with probabilities ¼, ½, ¼")
    func twoRuns() {
        var generator = Xoshiro256StarStar(seed: 2)
        #expect(StratifiedBootstrap(replicates: 4_000).interval([[0, 10]], using: &generator) == 0...10)
        // A 40% interval lies within the middle half of the replicates, all of which are 5.
        var again = Xoshiro256StarStar(seed: 2)
        #expect(StratifiedBootstrap(replicates: 4_000, level: 0.4).interval([[0, 10]], using: &again) == 5...5)
    }

    @Test("strata keep their share of runs: one environment of zeros and one of tens always give an IQM of 5")
    func stratification() {
        var generator = Xoshiro256StarStar(seed: 3)
        let stratified = StratifiedBootstrap(replicates: 2_000).interval([[0, 0, 0], [10, 10, 10]], using: &generator)
        #expect(stratified == 5...5)
        let pooled = StratifiedBootstrap(replicates: 2_000).interval([[0, 0, 0, 10, 10, 10]], using: &generator)
        #expect(pooled.lowerBound < 5 && pooled.upperBound > 5, "without strata a resample can hold more of one kind")
    }

    @Test("the interval contains the IQM, lies inside the scores, and the same seed gives the same interval")
    func reproducible() {
        let scores = (0..<10).map { Double($0 * $0) }
        var first = Xoshiro256StarStar(seed: 9), second = Xoshiro256StarStar(seed: 9)
        let interval = StratifiedBootstrap(replicates: 1_000).interval([scores], using: &first)
        #expect(interval == StratifiedBootstrap(replicates: 1_000).interval([scores], using: &second))
        let iqm = InterquartileMean.of(scores)!
        #expect(interval.contains(iqm) && interval.lowerBound > 0 && interval.upperBound < 81)
    }
}
