import Foundation
import RLCore

/// CartPole-v1 exactly as `gymnasium.make("CartPole-v1")` (gymnasium 1.4.0) behaves: CartPoleEnv inside a
/// 500-step TimeLimit.
///
/// A pole is hinged on a cart that moves along a frictionless track (Barto, Sutton & Anderson 1983); action 0
/// pushes the cart left with 10 N, action 1 pushes it right. The state is kept in doubles and advanced by one
/// explicit-Euler step of τ = 0.02 s per action, evaluated in gymnasium's order of operations so that every
/// state, observation, reward and flag matches gymnasium's bit for bit (on a glibc libm):
///
///     temp = (F + m_p·l·θ̇²·sin θ) / (m_c + m_p)
///     θ̈    = (g·sin θ − cos θ·temp) / (l·(4/3 − m_p·cos²θ / (m_c + m_p)))
///     ẍ    = temp − m_p·l·θ̈·cos θ / (m_c + m_p)
///     x ← x + τ·ẋ,  ẋ ← ẋ + τ·ẍ,  θ ← θ + τ·θ̇,  θ̇ ← θ̇ + τ·θ̈      (positions use the old velocities)
///
/// The episode terminates when x < −2.4, x > 2.4, θ < −12° or θ > 12°, compared strictly on the doubles (a
/// state exactly on a boundary is still alive). The reward is 1 on every step up to and including the
/// terminating one; stepping on after termination keeps integrating the dynamics, gives reward 0 while the
/// state stays out of bounds and recomputes `terminated` from the state, exactly as gymnasium's
/// `steps_beyond_terminated` bookkeeping does. `truncated` is `elapsedSteps ≥ 500` and stays true on later
/// steps; it can be true together with `terminated`. The observation is the state rounded to float32.
public struct CartPole: Environment, Sendable {
    // Constants of gymnasium 1.4.0's CartPoleEnv (gymnasium/envs/classic_control/cartpole.py), also recorded in
    // the `constants` of Tests/EnvironmentsTests/Fixtures/cartpole_v1_traces.json.

    /// g, the gravitational acceleration (m/s²).
    public static let gravity = 9.8
    /// m_c, the mass of the cart (kg).
    public static let massCart = 1.0
    /// m_p, the mass of the pole (kg).
    public static let massPole = 0.1
    /// m_c + m_p, summed in gymnasium's order (`masspole + masscart`).
    public static let totalMass = massPole + massCart
    /// l, half the pole's length (m): the distance from the hinge to the pole's centre of mass.
    public static let halfPoleLength = 0.5
    /// m_p·l.
    public static let poleMassLength = massPole * halfPoleLength
    /// |F|, the force of one push (N).
    public static let forceMagnitude = 10.0
    /// τ, the time between two actions (s).
    public static let tau = 0.02
    /// 12° in radians, computed as gymnasium does (`12 * 2 * math.pi / 360` = 0.20943951023931953).
    public static let thetaThresholdRadians = 12 * 2 * Double.pi / 360
    /// The cart position beyond which the episode terminates (m).
    public static let xThreshold = 2.4
    /// The TimeLimit of the registered CartPole-v1: `truncated` from this many steps on.
    public static let maxEpisodeSteps = 500
    /// gymnasium's `reward_threshold` for CartPole-v1: an average return of 475 counts as solved.
    public static let rewardThreshold = 475.0
    /// `reset()` draws each state component uniformly from [−resetBound, resetBound).
    public static let resetBound = 0.05

    var random: EnvironmentRandom
    /// The current state in doubles (gymnasium's `env.unwrapped.state`).
    public internal(set) var state: State
    /// Calls to `step(_:)` since the last reset (the TimeLimit wrapper's `_elapsed_steps`).
    public internal(set) var elapsedSteps = 0
    /// gymnasium's `steps_beyond_terminated`: nil until a step terminates, 0 on that step, then one more on
    /// each later step that is still out of bounds. It is not cleared when the state re-enters the bounds.
    public internal(set) var stepsBeyondTerminated: Int?

    /// Builds the environment and draws the first start state from `generator`.
    public init(generator: Xoshiro256StarStar) {
        self.init(random: .stream(generator))
    }

    /// Builds the environment drawing its start states from `random`. Its state before the first `reset()` is a
    /// start state drawn by `EnvironmentRandom.drawBeforeFirstReset` (under gymnasium's generator, the one the
    /// first `reset()` will draw).
    public init(random: EnvironmentRandom) {
        self.random = random
        state = self.random.drawBeforeFirstReset(Self.startState(drawing:))
    }

    public var observationCount: Int { 4 }
    public var actionCount: Int { 2 }

    /// Starts an episode from x, ẋ, θ, θ̇ drawn in that order, each uniform in [−0.05, 0.05) (gymnasium's
    /// `np_random.uniform(low=-0.05, high=0.05, size=(4,))`, kept in doubles).
    public mutating func reset() {
        reset(to: Self.startState(drawing: &random))
    }

    /// A start state: x, ẋ, θ, θ̇ drawn in that order, each uniform in [−0.05, 0.05).
    static func startState(drawing random: inout EnvironmentRandom) -> State {
        let x = random.uniform(-resetBound, resetBound)
        let xDot = random.uniform(-resetBound, resetBound)
        let theta = random.uniform(-resetBound, resetBound)
        let thetaDot = random.uniform(-resetBound, resetBound)
        return State(x: x, xDot: xDot, theta: theta, thetaDot: thetaDot)
    }

    /// Starts an episode from `state` (any state, even out of bounds), as writing `env.unwrapped.state` right
    /// after gymnasium's `reset()` does. Draws nothing from the generator.
    public mutating func reset(to state: State) {
        self.state = state
        elapsedSteps = 0
        stepsBeyondTerminated = nil
    }

    /// Pushes the cart left (action 0) or right (action 1) for τ seconds. Stepping after the episode ended
    /// is allowed and keeps gymnasium's behaviour (see the type's documentation).
    public mutating func step(_ action: Int) -> StepOutcome {
        precondition(action == 0 || action == 1, "CartPole action \(action) outside 0..<2")
        state = Self.nextState(after: state, action: action)
        elapsedSteps += 1
        let terminated = Self.isOutOfBounds(state)
        let reward: Double
        if !terminated {
            reward = 1
        } else if let beyond = stepsBeyondTerminated {
            stepsBeyondTerminated = beyond + 1
            reward = 0
        } else {
            stepsBeyondTerminated = 0
            reward = 1
        }
        return StepOutcome(reward: reward, terminated: terminated, truncated: elapsedSteps >= Self.maxEpisodeSteps)
    }

    /// Writes x, ẋ, θ, θ̇, each rounded to the nearest float32 (gymnasium's `np.array(state, np.float32)`).
    public func writeObservation(into buffer: UnsafeMutableBufferPointer<Float>) {
        buffer[0] = Float(state.x)
        buffer[1] = Float(state.xDot)
        buffer[2] = Float(state.theta)
        buffer[3] = Float(state.thetaDot)
    }

    /// One explicit-Euler step of the dynamics (see the type's documentation), with every product and sum in
    /// gymnasium's order and no fused multiply-add, so the result is gymnasium's to the last bit.
    public static func nextState(after state: State, action: Int) -> State {
        let force = action == 1 ? forceMagnitude : -forceMagnitude
        let cosTheta = cos(state.theta)
        let sinTheta = sin(state.theta)
        let temp = (force + poleMassLength * (state.thetaDot * state.thetaDot) * sinTheta) / totalMass
        let thetaAcc = (gravity * sinTheta - cosTheta * temp)
            / (halfPoleLength * (4.0 / 3.0 - massPole * (cosTheta * cosTheta) / totalMass))
        let xAcc = temp - poleMassLength * thetaAcc * cosTheta / totalMass
        return State(
            x: state.x + tau * state.xDot,
            xDot: state.xDot + tau * xAcc,
            theta: state.theta + tau * state.thetaDot,
            thetaDot: state.thetaDot + tau * thetaAcc
        )
    }

    /// Whether `state` lies strictly beyond ±2.4 in x or ±12° in θ. Compared on the doubles: float32(2.4)
    /// and float32(12°) lie above the double boundaries, so a check on the observation would differ there.
    public static func isOutOfBounds(_ state: State) -> Bool {
        state.x < -xThreshold || state.x > xThreshold
            || state.theta < -thetaThresholdRadians || state.theta > thetaThresholdRadians
    }
}
