import Foundation

/// The expected maximum of n independent standard normal variables, by numerical integration: the exact
/// value the Monte Carlo estimate of `EstimatorBiasExperiment` is checked against.
///
///     E[max] = ∫ x · n·φ(x)·Φ(x)ⁿ⁻¹ dx,   φ the standard normal density, Φ = ½·erfc(−x/√2) its distribution
///
/// Composite Simpson's rule on [−12, 12] with steps of 1/1000: the integrand is smooth, and outside that
/// interval it is below 10⁻³⁰ for any n up to 10⁶.
public enum NormalMaximum {
    /// E[max of `count` standard normals]; 0 for one.
    public static func expected(count: Int) -> Double {
        precondition(count >= 1, "the maximum of at least one variable")
        let n = Double(count)
        let low = -12.0, high = 12.0, intervals = 24_000
        let h = (high - low) / Double(intervals)
        func integrand(_ x: Double) -> Double {
            let cdf = 0.5 * erfc(-x / 2.0.squareRoot())
            let density = exp(-0.5 * x * x) / (2 * Double.pi).squareRoot()
            return x * n * density * (cdf > 0 ? exp((n - 1) * log(cdf)) : 0)
        }
        var sum = integrand(low) + integrand(high)
        for i in 1..<intervals {
            sum += (i % 2 == 1 ? 4 : 2) * integrand(low + Double(i) * h)
        }
        return sum * h / 3
    }
}
