import Agents
import Environments
import RLCore

/// Catches a value function that diverges while its numbers are still finite (a non-finite step the agents
/// refuse themselves). After every fit the trainer hands it the fit's sizes (`ValueFitReading`); it reports
///
/// - a value or target beyond the bound the rewards put on any return. With |r| ≤ R and γ < 1,
///   |Q(s,a)| ≤ Σₜ γᵗ·R = R/(1 − γ) (even across a time limit, which a Q-function bootstraps through); with
///   γ = 1 and a time limit T, |G| ≤ R·T; with γ = 1 and no limit there is no bound. The watchdog allows
///   `valueBoundFactor` = 10 times that: a network in the middle of learning overshoots the true values, but
///   not tenfold what no policy can earn, and diverging values grow geometrically, so they pass 10× a few
///   updates after 1× (DQN on CartPole at γ = 0.99: bound 1,000, healthy |Q| below 110).
/// - a loss grown `lossGrowthFactor` = 10⁶ times over its running minimum. The loss is smoothed (an
///   exponential average over about 100 fits, so one surprising batch — a first fall off a cliff — does not
///   count), and its minimum, taken after `warmUpFits` fits, is floored at (10⁻³·S)², S the scale of the
///   returns (R/(1 − γ), R·T at γ = 1 with a time limit, else R), so the limit is never below S²: a value
///   function wrong by the whole range of returns on every sample. The floor is on the returns' scale, not one
///   reward's, because a critic that converged on a run of identical rewards meets errors that size when
///   something new happens: on Acrobot (−1 a step) V settles near −100 and the first swing-up's target is −1;
///   with a floor of (10⁻³·R)² online actor-critic was stopped there on 2 of 4 seeds, at a smoothed loss of 17
///   and 42. A healthy DQN on CartPole, whose loss rises as its values climb towards 100, stays below 10⁴ times
///   its minimum.
///
/// `check` is a pure function of the readings so far; tests call it with hand-made numbers.
public struct DivergenceWatchdog: Sendable {
    /// c in the value bound c·R/(1 − γ) (or c·R·T at γ = 1).
    public static let valueBoundFactor = 10.0
    /// How many times its running minimum the smoothed loss may grow.
    public static let lossGrowthFactor = 1e6
    /// Fits before the loss's minimum is tracked: the first fits' losses are not yet a baseline.
    public static let warmUpFits = 100
    /// The weight of a new loss in the smoothed loss (about 1/100).
    public static let smoothing = 0.01

    /// R, the largest |r| a step can give; nil where the environment does not say (no value bound then, and the
    /// loss's floor is 10⁻¹²).
    public let maximumAbsoluteReward: Double?
    /// T, the environment's time limit, if it has one.
    public let timeLimit: Int?
    /// The number of fits checked so far.
    public internal(set) var fits = 0
    /// The loss's exponential average, nil before the first fit.
    public internal(set) var smoothedLoss: Double?
    /// The smallest smoothed loss after the warm-up.
    public internal(set) var minimumLoss = Double.infinity

    public init(maximumAbsoluteReward: Double?, timeLimit: Int?) {
        self.maximumAbsoluteReward = maximumAbsoluteReward
        self.timeLimit = timeLimit
    }

    /// A watchdog for training on `environment`, with the reward range and time limit its description states.
    public init(environment: any Environment) {
        let description = environment.described
        self.init(maximumAbsoluteReward: description?.maximumAbsoluteReward, timeLimit: description?.timeLimit)
    }

    /// c·R/(1 − γ) for γ < 1, c·R·T for γ = 1 with a time limit, else nil.
    public func valueBound(gamma: Double) -> Double? {
        returnBound(gamma: gamma).map { Self.valueBoundFactor * $0 }
    }

    /// R/(1 − γ) for γ < 1, R·T for γ = 1 with a time limit, else nil: the largest |return| any policy earns.
    func returnBound(gamma: Double) -> Double? {
        guard let reward = maximumAbsoluteReward else { return nil }
        if gamma < 1 { return reward / (1 - gamma) }
        return timeLimit.map { reward * Double($0) }
    }

    /// How `valueBound(gamma:)` is made, in words, for a report (formatting allocates, so only then).
    func boundDerivation(gamma: Double) -> String {
        let factor = Int(Self.valueBoundFactor)
        let reward = DivergenceReport.format(maximumAbsoluteReward ?? 0)
        return gamma < 1
            ? "\(factor)·max|r|/(1−γ) with max|r| = \(reward), γ = \(DivergenceReport.format(gamma))"
            : "\(factor)·max|r|·T with max|r| = \(reward), γ = 1, time limit T = \(timeLimit ?? 0)"
    }

    /// Takes the sizes of one more fit at discount `gamma`; returns what diverged, or nil while all is well.
    public mutating func check(_ reading: ValueFitReading, gamma: Double) -> DivergenceReport? {
        fits += 1
        let symbol = reading.symbol
        if let limit = valueBound(gamma: gamma) {
            if Double(reading.largestPrediction) > limit {
                return DivergenceReport(quantity: .value(symbol: symbol), observed: Double(reading.largestPrediction),
                                        limit: limit, derivation: boundDerivation(gamma: gamma))
            }
            if Double(reading.largestTarget) > limit {
                return DivergenceReport(quantity: .target(symbol: symbol), observed: Double(reading.largestTarget),
                                        limit: limit, derivation: boundDerivation(gamma: gamma))
            }
        }
        let loss = Double(reading.loss)
        let smoothed = smoothedLoss.map { $0 + Self.smoothing * (loss - $0) } ?? loss
        smoothedLoss = smoothed
        guard fits > Self.warmUpFits else { return nil }
        let scale = 1e-3 * (returnBound(gamma: gamma) ?? maximumAbsoluteReward ?? 0)
        let baseline = max(minimumLoss, scale * scale, 1e-12)
        if smoothed > Self.lossGrowthFactor * baseline, minimumLoss.isFinite {
            return DivergenceReport(
                quantity: .loss(symbol: symbol), observed: smoothed, limit: Self.lossGrowthFactor * baseline,
                derivation: "10⁶ × its running minimum \(DivergenceReport.format(baseline))")
        }
        minimumLoss = min(minimumLoss, smoothed)
        return nil
    }
}
