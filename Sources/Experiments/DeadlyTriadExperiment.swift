import RLCore

/// The deadly triad on Baird's counterexample (Sutton & Barto 2018, Sec. 11.2–11.3, Fig. 11.2): function
/// approximation, bootstrapping and off-policy updates together make semi-gradient TD and DP diverge, the
/// weights growing without bound although every reward is 0 and v_π = 0 is representable. The course notes
/// say it of Q-learning: it "is not gradient descent, and does not converge in general", because no gradient
/// flows through the target.
///
/// Every variant runs the semi-gradient update with step size α from w₀ = (1,1,1,1,1,1,10,1):
/// - off-policy TD(0), sampled under b: w ← w + α·ρ·(γ·v̂(S′, w⁻) − v̂(S, w))·x(S) (eq. 11.2 with ρ);
/// - off-policy DP, expected, synchronous over all states (eq. 11.9):
///   w ← w + (α/|S|)·Σ_s (E_π[γ·v̂(S′, w⁻) | s] − v̂(s, w))·x(s);
/// - on-policy DP: the same expected update under π's on-policy distribution, all on state 7;
/// - on-policy TD: TD(0) under b evaluating b itself (ρ = 1), so only the off-policy leg of the triad is gone.
/// w⁻ is w itself (target period K = 1) or a copy held for K sweeps then set to w, as DQN's target network.
/// A TD step counts as one sweep: under b the state is uniform and E_b[ρ·δ·x | s] = E_π[δ·x | s], so the
/// expected TD step is exactly one off-policy DP sweep (Fig. 11.2 plots 1,000 steps beside 1,000 sweeps).
public enum DeadlyTriadExperiment {
    /// Which semi-gradient update a variant makes, and under which distribution.
    public enum Update: String, Sendable, CaseIterable {
        case offPolicyTD = "off-policy TD"
        case offPolicyDP = "off-policy DP"
        case onPolicyDP = "on-policy DP"
        case onPolicyTD = "on-policy TD"

        /// Whether the update samples transitions (and so depends on the seed).
        public var isSampled: Bool { self == .offPolicyTD || self == .onPolicyTD }
    }

    /// One line of the experiment: an update and how long its target weights are held.
    public struct Variant: Sendable, Hashable {
        public var update: Update
        /// K: the target weights w⁻ are set to w every K sweeps (1: the plain semi-gradient update).
        public var targetPeriod: Int

        public init(_ update: Update, targetPeriod: Int = 1) {
            precondition(targetPeriod >= 1, "the target period is at least one sweep")
            self.update = update
            self.targetPeriod = targetPeriod
        }

        /// The variant's name in tables and CSV, e.g. "off-policy DP, w⁻ held K = 100".
        public var name: String {
            targetPeriod == 1 ? update.rawValue : "\(update.rawValue), w⁻ held K = \(targetPeriod)"
        }
    }

    /// The knobs of a run; the defaults are Fig. 11.2's, except that runs go on past its 1,000 sweeps.
    public struct Settings: Sendable, Hashable {
        /// α (Fig. 11.2: 0.01).
        public var alpha = 0.01
        /// Sweeps (TD steps) per run.
        public var sweeps = 100_000
        /// The seed of the sampled variants.
        public var seed: UInt64 = 0

        public init() {}

        /// The sweeps after which weights are recorded: 1, 10, 100, … up to `sweeps`, and `sweeps` itself.
        public var checkpoints: [Int] {
            var marks: [Int] = []
            var mark = 1
            while mark < sweeps {
                marks.append(mark)
                mark *= 10
            }
            return marks + [sweeps]
        }
    }

    /// The weights of one run after each of `Settings.checkpoints` sweeps.
    public struct Trajectory: Sendable {
        public let variant: Variant
        /// (sweep, w after it), in order.
        public let checkpoints: [(sweep: Int, weights: SIMD8<Double>)]

        /// w after `sweep` sweeps, if recorded.
        public func weights(after sweep: Int) -> SIMD8<Double>? {
            checkpoints.first { $0.sweep == sweep }?.weights
        }
    }

    /// Runs `variant` for `settings.sweeps` sweeps from w₀.
    public static func run(_ variant: Variant, settings: Settings = Settings()) -> Trajectory {
        var weights = BairdCounterexample.initialWeights
        var target = weights
        var generator = RunSeed(settings.seed).generator(for: "baird")
        var state = generator.uniformInt(below: BairdCounterexample.stateCount)
        let marks = settings.checkpoints
        var recorded: [(sweep: Int, weights: SIMD8<Double>)] = []
        for sweep in 1...settings.sweeps {
            switch variant.update {
            case .offPolicyDP, .onPolicyDP:
                weights = expectedSweep(weights, target: target, alpha: settings.alpha,
                                        onPolicy: variant.update == .onPolicyDP)
            case .offPolicyTD, .onPolicyTD:
                let (dashed, next) = BairdCounterexample.sampleTransition(using: &generator)
                let ratio = variant.update == .onPolicyTD ? 1 : (dashed ? 0 : BairdCounterexample.solidRatio)
                weights = tdStep(weights, target: target, alpha: settings.alpha, ratio: ratio, from: state, to: next)
                state = next
            }
            if sweep % variant.targetPeriod == 0 { target = weights }
            if marks.contains(sweep) { recorded.append((sweep, weights)) }
        }
        return Trajectory(variant: variant, checkpoints: recorded)
    }

    /// One expected semi-gradient sweep (eq. 11.9) with the targets from `target`: under π every next state is
    /// state 7, so E_π[R + γ·v̂(S′, w⁻) | s] = γ·v̂(7, w⁻) for every s. Off-policy it averages over the seven
    /// states (b's distribution); on-policy it updates state 7 alone (π's distribution).
    public static func expectedSweep(_ weights: SIMD8<Double>, target: SIMD8<Double>, alpha: Double, onPolicy: Bool)
        -> SIMD8<Double> {
        let lower = BairdCounterexample.lowerState
        let y = BairdCounterexample.gamma * BairdCounterexample.value(of: lower, weights: target)
        let states = onPolicy ? lower...lower : 0...(BairdCounterexample.stateCount - 1)
        var change = SIMD8<Double>(repeating: 0)
        for state in states {
            let delta = y - BairdCounterexample.value(of: state, weights: weights)
            change += delta * BairdCounterexample.features(of: state)
        }
        return weights + (alpha / Double(states.count)) * change
    }

    /// One semi-gradient TD(0) step on the transition `state` → `next` (reward 0) with importance ratio
    /// `ratio`: w + α·ρ·(γ·v̂(next, w⁻) − v̂(state, w))·x(state).
    public static func tdStep(_ weights: SIMD8<Double>, target: SIMD8<Double>, alpha: Double, ratio: Double,
                              from state: Int, to next: Int) -> SIMD8<Double> {
        let delta = BairdCounterexample.gamma * BairdCounterexample.value(of: next, weights: target)
            - BairdCounterexample.value(of: state, weights: weights)
        return weights + (alpha * ratio * delta) * BairdCounterexample.features(of: state)
    }
}
