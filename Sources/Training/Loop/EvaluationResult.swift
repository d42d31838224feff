import Foundation

/// The returns of a batch of greedy evaluation episodes and their statistics.
public struct EvaluationResult: Sendable, Equatable {
    public let returns: [Double]
    public let lengths: [Int]

    public init(returns: [Double], lengths: [Int]) {
        precondition(!returns.isEmpty && returns.count == lengths.count, "one length per return, at least one episode")
        self.returns = returns
        self.lengths = lengths
    }

    public var episodes: Int { returns.count }
    public var meanReturn: Double { returns.reduce(0, +) / Double(returns.count) }
    /// The population standard deviation (NumPy's default `np.std`, as SB3's `evaluate_policy` reports).
    public var standardDeviation: Double {
        let mean = meanReturn
        return (returns.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(returns.count)).squareRoot()
    }
    public var meanLength: Double { Double(lengths.reduce(0, +)) / Double(lengths.count) }

    /// `{"episodes":N,"mean_return":…,"std_return":…,"mean_length":…}` on one line.
    public var json: String {
        "{\"episodes\":\(episodes),\"mean_return\":\(meanReturn),\"std_return\":\(standardDeviation),\"mean_length\":\(meanLength)}"
    }
}
