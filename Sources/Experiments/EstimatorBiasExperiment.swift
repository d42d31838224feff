import RLCore

/// The overestimation of the single estimator max_a Q̂(a) against the double estimator, in the setting of
/// van Hasselt, Guez & Silver (2016), "Deep Reinforcement Learning with Double Q-learning", Fig. 1: every true
/// action value is 0 and each estimate carries its own independent N(0, 1) error, Q̂(a) = εₐ.
///
/// - single: max_a Q̂_A(a), whose expectation E[max of M standard normals] (`NormalMaximum`) grows with the
///   number of actions M although every true value is 0;
/// - double: Q̂_B(argmax_a Q̂_A(a)), the action chosen by one estimate set and evaluated by a second, drawn
///   independently of the first, as Double Q-learning and Double DQN do: unbiased, since B knows nothing of A.
///
/// Both are averaged over many independent draws and given with the standard error of their mean.
public enum EstimatorBiasExperiment {
    /// The knobs of the Monte Carlo estimate.
    public struct Settings: Sendable, Hashable {
        /// Independent draws of the two estimate sets per number of actions.
        public var samples = 100_000
        /// The seed; each number of actions draws from a stream of its own.
        public var seed: UInt64 = 0

        public init() {}
    }

    /// A sample mean and the standard error of it, s/√n.
    public struct Mean: Sendable, Equatable {
        public var value: Double
        public var standardError: Double

        public init(value: Double, standardError: Double) {
            self.value = value
            self.standardError = standardError
        }

        /// The mean and standard error of `count` samples from their sum and sum of squares.
        init(sum: Double, sumOfSquares: Double, count: Int) {
            let n = Double(count)
            let mean = sum / n
            let variance = max(0, (sumOfSquares - n * mean * mean) / (n - 1))
            self.init(value: mean, standardError: (variance / n).squareRoot())
        }
    }

    /// The result for one number of actions. Since every true value is 0, each mean is the estimator's bias.
    public struct Row: Sendable, Equatable {
        public var actions: Int
        /// The mean of max_a Q̂_A(a).
        public var single: Mean
        /// The mean of Q̂_B(argmax_a Q̂_A(a)).
        public var double: Mean
        /// E[max of `actions` standard normals] by numerical integration.
        public var exactSingle: Double
    }

    /// E[max of n standard normals] as tabulated, the figures the experiment is checked against.
    public static let published: [Int: Double] = [100: 2.5076, 1000: 3.2414]

    /// Draws `settings.samples` pairs of estimate sets for `actions` actions and averages both estimators.
    public static func row(actions: Int, settings: Settings = Settings()) -> Row {
        precondition(actions >= 1 && settings.samples >= 2, "at least one action and two samples")
        var generator = RunSeed(settings.seed).generator(for: "estimates", index: UInt64(actions))
        var a = [Double](repeating: 0, count: actions)
        var single = (sum: 0.0, squares: 0.0), double = (sum: 0.0, squares: 0.0)
        for _ in 0..<settings.samples {
            for i in 0..<actions { a[i] = generator.normal() }
            var best = 0
            for i in 1..<actions where a[i] > a[best] { best = i }
            // Of the second set only Q̂_B(best) is read; its other values, independent of everything else,
            // would not change the result, so they are not drawn.
            let evaluation = generator.normal()
            single.sum += a[best]
            single.squares += a[best] * a[best]
            double.sum += evaluation
            double.squares += evaluation * evaluation
        }
        return Row(actions: actions,
                   single: Mean(sum: single.sum, sumOfSquares: single.squares, count: settings.samples),
                   double: Mean(sum: double.sum, sumOfSquares: double.squares, count: settings.samples),
                   exactSingle: NormalMaximum.expected(count: actions))
    }
}
