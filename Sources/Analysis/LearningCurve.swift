import Training

/// One run's learning curve over environment steps: after episode k, which ends at step sₖ = l₁ + … + lₖ,
/// the curve is mₖ, the mean return of the last `window` episodes (of all k while k < window), and the run's
/// clock reads tₖ. Between two episode ends both are interpolated linearly in steps (numpy's `interp`).
///
/// The curve exists only from the end of the first episode to the end of the last: before s₁ the run has no
/// return to show, and past its last episode nothing is known (the run stopped, was stopped when solved, or
/// was killed), so nothing is carried forward or extrapolated there.
public struct LearningCurve: Sendable {
    /// sₖ, ascending.
    public let steps: [Double]
    /// mₖ.
    public let values: [Double]
    /// tₖ, seconds since the run started.
    public let seconds: [Double]

    public init(_ episodes: [EpisodeRecord], window: Int) {
        let window = max(window, 1)
        var steps: [Double] = [], values: [Double] = [], seconds: [Double] = []
        var total = 0, sum = 0.0
        for (index, episode) in episodes.enumerated() {
            total += episode.length
            sum += episode.reward
            if index >= window { sum -= episodes[index - window].reward }
            steps.append(Double(total))
            values.append(sum / Double(min(index + 1, window)))
            seconds.append(episode.time)
        }
        self.steps = steps
        self.values = values
        self.seconds = seconds
    }

    /// The step of the last episode's end (0 for a run without episodes).
    public var lastStep: Double { steps.last ?? 0 }

    /// Whether the curve is defined at step `x`: s₁ ≤ x ≤ s_K.
    public func covers(_ x: Double) -> Bool {
        guard let first = steps.first, let last = steps.last else { return false }
        return x >= first && x <= last
    }

    /// mₖ interpolated at step `x`, nil outside the run.
    public func value(at x: Double) -> Double? { interpolate(values, at: x) }

    /// The run's clock interpolated at step `x`, nil outside the run.
    public func seconds(at x: Double) -> Double? { interpolate(seconds, at: x) }

    private func interpolate(_ ys: [Double], at x: Double) -> Double? {
        guard covers(x) else { return nil }
        // The first episode end at or after x.
        var low = 0, high = steps.count - 1
        while low < high {
            let middle = (low + high) / 2
            if steps[middle] < x { low = middle + 1 } else { high = middle }
        }
        guard low > 0, steps[low] > x else { return ys[low] }
        let fraction = (x - steps[low - 1]) / (steps[low] - steps[low - 1])
        return ys[low - 1] + fraction * (ys[low] - ys[low - 1])
    }
}
