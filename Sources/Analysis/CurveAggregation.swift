import RLCore

/// Turns groups of runs into curves: at each step of a common grid, the IQM of the values of the runs that
/// reach that step (`LearningCurve`) and its stratified-bootstrap interval, drawn from one generator per group
/// derived from `seed`, so the same runs and seed give the same bands.
///
/// A point is shown only where at least `minimumRuns` of the group's runs reach it (nil, or more than the group
/// has: all of them), so a curve never switches silently to fewer runs; with fewer required, each point says
/// how many it used.
public struct CurveAggregation: Sendable {
    public let pointCount: Int
    public let minimumRuns: Int?
    public let replicates: Int
    public let seed: UInt64

    public init(pointCount: Int, minimumRuns: Int?, replicates: Int, seed: UInt64) {
        self.pointCount = max(pointCount, 1)
        self.minimumRuns = minimumRuns
        self.replicates = replicates
        self.seed = seed
    }

    /// The common grid: `pointCount` steps evenly spaced up to the last episode end of any run, the first one
    /// a step above 0.
    public func grid(for groups: [RunGroup]) -> [Double] {
        let last = groups.flatMap(\.curves).map(\.lastStep).max() ?? 0
        return (1...pointCount).map { last * Double($0) / Double(pointCount) }
    }

    /// The runs a point of `group` needs.
    public func required(in group: RunGroup) -> Int {
        min(minimumRuns ?? group.runCount, group.runCount)
    }

    /// The curve of the `index`-th group over `grid`, with the step where its IQM first reaches `threshold`.
    public func curve(of group: RunGroup, index: Int, grid: [Double], threshold: Double?) -> GroupCurve {
        var generator = RunSeed(seed).generator(for: "bootstrap", index: UInt64(index))
        let bootstrap = StratifiedBootstrap(replicates: replicates)
        let needed = required(in: group)
        func point(at step: Double) -> AggregatePoint? {
            let strata = group.strata.map { stratum in stratum.compactMap { $0.value(at: step) } }.filter { !$0.isEmpty }
            let runs = strata.reduce(0) { $0 + $1.count }
            guard runs >= needed, let iqm = InterquartileMean.of(strata.flatMap(\.self)) else { return nil }
            return AggregatePoint(step: step, runs: runs, iqm: iqm, interval: bootstrap.interval(strata, using: &generator))
        }
        let points = grid.compactMap(point)
        let final = lastCoveredStep(of: group).flatMap(point)
        return GroupCurve(label: group.label, runCount: group.runCount, points: points, final: final,
                          crossing: threshold.flatMap { crossing(of: group, threshold: $0) })
    }

    /// The last step that `required` runs reach: the `required`-th latest end among the runs, provided that
    /// many have started by then.
    func lastCoveredStep(of group: RunGroup) -> Double? {
        let needed = required(in: group)
        let ends = group.curves.map(\.lastStep).sorted(by: >)
        guard needed >= 1, ends.count >= needed else { return nil }
        let step = ends[needed - 1]
        return group.curves.filter { $0.covers(step) }.count >= needed ? step : nil
    }

    /// The first episode end, among all of the group's runs, where enough runs reach it and their IQM is at
    /// least `threshold`, with the IQM of those runs' clocks there.
    public func crossing(of group: RunGroup, threshold: Double) -> ThresholdCrossing? {
        let needed = required(in: group)
        let curves = group.curves
        let steps = Set(curves.flatMap(\.steps)).sorted()
        for step in steps {
            let covering = curves.filter { $0.covers(step) }
            guard covering.count >= needed,
                  let iqm = InterquartileMean.of(covering.compactMap { $0.value(at: step) }), iqm >= threshold,
                  let seconds = InterquartileMean.of(covering.compactMap { $0.seconds(at: step) }) else { continue }
            return ThresholdCrossing(step: step, seconds: seconds)
        }
        return nil
    }
}
