import Foundation
import Testing
@testable import Experiments

@Suite("Overestimation: single against double estimator")
struct EstimatorBiasExperimentTests {
    @Test("the integrated expected maximum is exact where it is known in closed form")
    func closedForms() {
        // E[max of 1] = 0; E[max of 2] = 1/√π; E[max of 3] = 3/(2√π) (the expected range of two is 2/√π).
        #expect(abs(NormalMaximum.expected(count: 1)) < 1e-12)
        #expect(abs(NormalMaximum.expected(count: 2) - 1 / Double.pi.squareRoot()) < 1e-10)
        #expect(abs(NormalMaximum.expected(count: 3) - 3 / (2 * Double.pi.squareRoot())) < 1e-10)
    }

    @Test("the integrated expected maxima of 100 and 1,000 normals agree with the published 2.5076 and 3.2414")
    func publishedMaxima() {
        for (count, value) in EstimatorBiasExperiment.published {
            #expect(abs(NormalMaximum.expected(count: count) - value) <= 5e-5, "\(count)")
        }
    }

    @Test("a mean and its standard error: 1, 2, 3 give 2 and √(1/3)")
    func mean() {
        let mean = EstimatorBiasExperiment.Mean(sum: 6, sumOfSquares: 14, count: 3)
        #expect(mean.value == 2)
        #expect(abs(mean.standardError - (1.0 / 3).squareRoot()) < 1e-15)
    }

    @Test("at 100 and 1,000 actions max_a Q̂ is biased by E[max] and the double estimator is unbiased, within 4 s.e.")
    func monteCarlo() {
        var settings = EstimatorBiasExperiment.Settings()
        settings.samples = 20_000
        for (count, published) in EstimatorBiasExperiment.published {
            let row = EstimatorBiasExperiment.row(actions: count, settings: settings)
            // The published values are rounded to 4 decimals, hence the 5e-5.
            #expect(abs(row.single.value - published) <= 4 * row.single.standardError + 5e-5,
                    "\(count): \(row.single.value) ± \(row.single.standardError)")
            #expect(abs(row.single.value - row.exactSingle) <= 4 * row.single.standardError)
            #expect(abs(row.double.value) <= 4 * row.double.standardError,
                    "\(count): \(row.double.value) ± \(row.double.standardError)")
            // The standard errors are those of N(0, 1) draws (double) and of a narrower maximum (single).
            #expect(abs(row.double.standardError - 1 / Double(settings.samples).squareRoot()) < 0.0005)
            #expect(row.single.standardError < row.double.standardError)
        }
    }

    @Test("each number of actions draws from its own stream of the seed")
    func seeded() {
        var settings = EstimatorBiasExperiment.Settings()
        settings.samples = 100
        let row = EstimatorBiasExperiment.row(actions: 4, settings: settings)
        #expect(EstimatorBiasExperiment.row(actions: 4, settings: settings) == row)
        settings.seed = 1
        #expect(EstimatorBiasExperiment.row(actions: 4, settings: settings).single != row.single)
    }
}
