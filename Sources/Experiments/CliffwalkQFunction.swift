import RLCore

/// The Q-function of the Blind Cliffwalk experiment, Q(s, a) = θᵀφ(s, a) with binary features (PER
/// Appendix B.1), updated by Q-learning θ ← θ + η·δ·φ(s, a). Two representations:
/// - tabular: φ(s, a) is the one-hot code of the pair, one weight per (s, a);
/// - linear: φ(s, a) is the one-hot code of s plus a constant bias feature 1, one such weight vector per
///   action, so Q(s, a) = w_{a,s} + b_a and an update to one state moves every state's value of that action.
/// Both can represent the true Q exactly, so the mean squared error can fall to zero.
struct CliffwalkQFunction {
    let stateCount: Int
    let linear: Bool
    private(set) var theta: [Double]

    /// θᵢ ~ N(0, σ²) with σ = `initialDeviation`, drawn from `generator`.
    init(states: Int, linear: Bool, initialDeviation: Double, generator: inout Xoshiro256StarStar) {
        stateCount = states
        self.linear = linear
        let count = linear ? 2 * (states + 1) : 2 * states
        theta = (0..<count).map { _ in initialDeviation * generator.normal() }
    }

    func value(_ state: Int, _ action: Int) -> Double {
        linear ? theta[action * (stateCount + 1) + state] + theta[action * (stateCount + 1) + stateCount]
               : theta[2 * state + action]
    }

    /// θ ← θ + step·φ(s, a): every active (binary) feature's weight moves by `step`.
    mutating func add(_ step: Double, at state: Int, _ action: Int) {
        if linear {
            theta[action * (stateCount + 1) + state] += step
            theta[action * (stateCount + 1) + stateCount] += step
        } else {
            theta[2 * state + action] += step
        }
    }

    /// The mean over all 2n pairs (s, a) of (Q(s, a) − Q*(s, a))², with Q* flat as `trueQ[2s + a]`.
    func meanSquaredError(to trueQ: [Double]) -> Double {
        var sum = 0.0
        for state in 0..<stateCount {
            for action in 0..<2 {
                let error = value(state, action) - trueQ[2 * state + action]
                sum += error * error
            }
        }
        return sum / Double(2 * stateCount)
    }
}
