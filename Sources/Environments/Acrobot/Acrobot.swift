import CLibm
import Foundation
import RLCore

/// Acrobot-v1 exactly as `gymnasium.make("Acrobot-v1")` (gymnasium 1.4.0) behaves: AcrobotEnv inside a 500-step
/// TimeLimit.
///
/// Two links hang from a fixed pivot (Sutton & Barto 1998, §11.3; gymnasium's "book" dynamics); a torque of
/// −1, 0 or +1 (actions 0, 1, 2) acts at the joint between them. The state s = [θ₁, θ₂, θ̇₁, θ̇₂] is kept in
/// doubles; θ₁ is the first link's angle from hanging straight down, θ₂ the second's relative to the first.
/// With unit masses and lengths, centres of mass at 0.5, unit moments of inertia and g = 9.8:
///
///     d₁ = m₁l꜀₁² + m₂(l₁² + l꜀₂² + 2l₁l꜀₂cos θ₂) + I₁ + I₂,    d₂ = m₂(l꜀₂² + l₁l꜀₂cos θ₂) + I₂
///     φ₂ = m₂l꜀₂g·cos(θ₁ + θ₂ − π/2)
///     φ₁ = −m₂l₁l꜀₂θ̇₂²sin θ₂ − 2m₂l₁l꜀₂θ̇₂θ̇₁sin θ₂ + (m₁l꜀₁ + m₂l₁)g·cos(θ₁ − π/2) + φ₂
///     θ̈₂ = (τ + d₂/d₁·φ₁ − m₂l₁l꜀₂θ̇₁²sin θ₂ − φ₂) / (m₂l꜀₂² + I₂ − d₂²/d₁),    θ̈₁ = −(d₂θ̈₂ + φ₁)/d₁
///
/// One step integrates these with a single classical Runge–Kutta step of dt = 0.2 s, then wraps θ₁, θ₂ into
/// [−π, π] and clips θ̇₁ to ±4π, θ̇₂ to ±9π. The episode terminates when the tip is more than one link length
/// above the pivot, −cos θ₁ − cos(θ₂ + θ₁) > 1; each step gives −1, the terminating one 0. `truncated` is
/// `elapsedSteps ≥ 500`. A reset draws the four components uniform in [−0.1, 0.1) and rounds each to float32,
/// as gymnasium's `uniform(...).astype(np.float32)` does. The observation is [cos θ₁, sin θ₁, cos θ₂, sin θ₂,
/// θ̇₁, θ̇₂], computed in doubles and rounded to float32, except right after a reset, where gymnasium's state is
/// float32 and numpy's own float32 cos and sin give the first four (`NumpyFloat32Trigonometry`).
///
/// Every operation follows gymnasium's order and grouping, so the states agree to the last bit on glibc. Trap
/// measured by replaying gymnasium's traces (Tests/EnvironmentsTests/Fixtures/acrobot_v1_traces.json): where
/// gymnasium squares with `x**2` it calls glibc's `pow`, whose result is not always the correctly rounded x·x
/// (it differs for about 0.08% of arguments); writing x·x instead departs from gymnasium within one of the
/// thirteen traces (`random_seed2`, step 415). Swift's optimizer turns `pow(x, 2)` into x·x itself, so the
/// squares go through `rlterm_libm_pow`, a C call it cannot see into.
public struct Acrobot: Environment, Sendable {
    // Constants of gymnasium 1.4.0's AcrobotEnv (gymnasium/envs/classic_control/acrobot.py).

    /// l₁, the first link's length (m).
    public static let linkLength1 = 1.0
    /// m₁ and m₂, the links' masses (kg).
    public static let linkMass1 = 1.0
    public static let linkMass2 = 1.0
    /// l꜀₁ and l꜀₂, the distance from each link's joint to its centre of mass (m).
    public static let linkCenterOfMass1 = 0.5
    public static let linkCenterOfMass2 = 0.5
    /// I₁ = I₂, each link's moment of inertia.
    public static let linkMomentOfInertia = 1.0
    /// g, as gymnasium writes it inside the dynamics.
    public static let gravity = 9.8
    /// The integration step (s).
    public static let dt = 0.2
    /// θ̇₁ is clipped to ±4π.
    public static let maxVelocity1 = 4 * Double.pi
    /// θ̇₂ is clipped to ±9π.
    public static let maxVelocity2 = 9 * Double.pi
    /// The torque of each action.
    public static let torques: [Double] = [-1, 0, 1]
    /// The TimeLimit of the registered Acrobot-v1.
    public static let maxEpisodeSteps = 500
    /// gymnasium's `reward_threshold` for Acrobot-v1.
    public static let rewardThreshold = -100.0
    /// `reset()` draws each component from [−resetBound, resetBound).
    public static let resetBound = 0.1

    var random: EnvironmentRandom
    /// The current state in doubles (gymnasium's `env.unwrapped.state`).
    public internal(set) var state: State
    /// Calls to `step(_:)` since the last reset (the TimeLimit wrapper's `_elapsed_steps`).
    public internal(set) var elapsedSteps = 0
    /// Whether gymnasium would hold the state as float32 numbers: from a reset until the first step, whose
    /// Runge–Kutta step returns float64. numpy takes cos and sin of float32 numbers in float32, its own way.
    var stateIsFloat32 = true

    /// Builds the environment and draws the first start state from `generator`.
    public init(generator: Xoshiro256StarStar) {
        self.init(random: .stream(generator))
    }

    /// Builds the environment drawing its start states from `random`; its state before the first `reset()` is
    /// drawn by `EnvironmentRandom.drawBeforeFirstReset` (under gymnasium's generator, the first reset's).
    public init(random: EnvironmentRandom) {
        self.random = random
        state = self.random.drawBeforeFirstReset(Self.startState(drawing:))
    }

    public var observationCount: Int { 6 }
    public var actionCount: Int { 3 }

    /// Starts an episode from θ₁, θ₂, θ̇₁, θ̇₂ drawn in that order, each uniform in [−0.1, 0.1) and rounded to
    /// float32.
    public mutating func reset() {
        reset(to: Self.startState(drawing: &random))
        stateIsFloat32 = true
    }

    /// A start state: θ₁, θ₂, θ̇₁, θ̇₂ drawn in that order, each uniform in [−0.1, 0.1) and rounded to float32
    /// (gymnasium draws the four in doubles and then casts the array to float32).
    static func startState(drawing random: inout EnvironmentRandom) -> State {
        let theta1 = Double(Float(random.uniform(-resetBound, resetBound)))
        let theta2 = Double(Float(random.uniform(-resetBound, resetBound)))
        let theta1Dot = Double(Float(random.uniform(-resetBound, resetBound)))
        let theta2Dot = Double(Float(random.uniform(-resetBound, resetBound)))
        return State(theta1: theta1, theta2: theta2, theta1Dot: theta1Dot, theta2Dot: theta2Dot)
    }

    /// Starts an episode from `state`, as writing `env.unwrapped.state` (a float64 array) after gymnasium's
    /// `reset()` does. Draws nothing from the generator.
    public mutating func reset(to state: State) {
        self.state = state
        elapsedSteps = 0
        stateIsFloat32 = false
    }

    /// Applies torque −1 (action 0), 0 (1) or +1 (2) at the joint for dt seconds.
    public mutating func step(_ action: Int) -> StepOutcome {
        precondition((0..<3).contains(action), "Acrobot action \(action) outside 0..<3")
        state = Self.nextState(after: state, torque: Self.torques[action])
        elapsedSteps += 1
        stateIsFloat32 = false
        let terminated = Self.isSwungUp(state)
        return StepOutcome(reward: terminated ? 0 : -1, terminated: terminated,
                           truncated: elapsedSteps >= Self.maxEpisodeSteps)
    }

    /// Writes cos θ₁, sin θ₁, cos θ₂, sin θ₂, θ̇₁, θ̇₂, each rounded to float32; right after a reset, cos and sin
    /// of the float32 angles as numpy computes them.
    public func writeObservation(into buffer: UnsafeMutableBufferPointer<Float>) {
        if stateIsFloat32 {
            let theta1 = Float(state.theta1), theta2 = Float(state.theta2)
            buffer[0] = NumpyFloat32Trigonometry.cos(theta1)
            buffer[1] = NumpyFloat32Trigonometry.sin(theta1)
            buffer[2] = NumpyFloat32Trigonometry.cos(theta2)
            buffer[3] = NumpyFloat32Trigonometry.sin(theta2)
        } else {
            buffer[0] = Float(cos(state.theta1))
            buffer[1] = Float(sin(state.theta1))
            buffer[2] = Float(cos(state.theta2))
            buffer[3] = Float(sin(state.theta2))
        }
        buffer[4] = Float(state.theta1Dot)
        buffer[5] = Float(state.theta2Dot)
    }

    /// Whether the tip is more than one link length above the pivot.
    public static func isSwungUp(_ state: State) -> Bool {
        -cos(state.theta1) - cos(state.theta2 + state.theta1) > 1.0
    }

    /// One Runge–Kutta step of dt under `torque`, then the wrap of the angles and the clip of the velocities.
    /// The four components travel as one SIMD4, whose lane-wise products and sums are the same IEEE operations
    /// as numpy's on its arrays, without a heap allocation per step.
    public static func nextState(after state: State, torque: Double) -> State {
        let y = SIMD4(state.theta1, state.theta2, state.theta1Dot, state.theta2Dot)
        let halfStep = dt / 2.0
        let k1 = derivatives(y, torque: torque)
        let k2 = derivatives(y + halfStep * k1, torque: torque)
        let k3 = derivatives(y + halfStep * k2, torque: torque)
        let k4 = derivatives(y + dt * k3, torque: torque)
        let next = y + dt / 6.0 * (((k1 + 2 * k2) + 2 * k3) + k4)
        return State(
            theta1: wrap(next[0]), theta2: wrap(next[1]),
            theta1Dot: min(max(next[2], -maxVelocity1), maxVelocity1),
            theta2Dot: min(max(next[3], -maxVelocity2), maxVelocity2))
    }

    /// ds/dt of the "book" dynamics (see the type's documentation) at s = [θ₁, θ₂, θ̇₁, θ̇₂] under `torque`,
    /// in gymnasium's order of operations, squaring with glibc's `pow` where it writes `**2`.
    static func derivatives(_ s: SIMD4<Double>, torque: Double) -> SIMD4<Double> {
        let (m1, m2, l1) = (linkMass1, linkMass2, linkLength1)
        let (lc1, lc2, i1, i2, g) = (linkCenterOfMass1, linkCenterOfMass2, linkMomentOfInertia,
                                     linkMomentOfInertia, gravity)
        let (theta1, theta2, dtheta1, dtheta2) = (s[0], s[1], s[2], s[3])
        let d1 = m1 * square(lc1) + m2 * (square(l1) + square(lc2) + 2 * l1 * lc2 * cos(theta2)) + i1 + i2
        let d2 = m2 * (square(lc2) + l1 * lc2 * cos(theta2)) + i2
        let phi2 = m2 * lc2 * g * cos(theta1 + theta2 - Double.pi / 2.0)
        let phi1 = -m2 * l1 * lc2 * square(dtheta2) * sin(theta2)
            - 2 * m2 * l1 * lc2 * dtheta2 * dtheta1 * sin(theta2)
            + (m1 * lc1 + m2 * l1) * g * cos(theta1 - Double.pi / 2)
            + phi2
        let ddtheta2 = (torque + d2 / d1 * phi1 - m2 * l1 * lc2 * square(dtheta1) * sin(theta2) - phi2)
            / (m2 * square(lc2) + i2 - square(d2) / d1)
        let ddtheta1 = -(d2 * ddtheta2 + phi1) / d1
        return SIMD4(dtheta1, dtheta2, ddtheta1, ddtheta2)
    }

    /// x², as numpy's `x**2` computes it: glibc's pow(x, 2).
    static func square(_ x: Double) -> Double { rlterm_libm_pow(x, 2) }

    /// x moved by whole turns of 2π into [−π, π], one turn at a time as gymnasium's `wrap` does.
    static func wrap(_ x: Double) -> Double {
        let turn = Double.pi - -Double.pi
        var x = x
        while x > Double.pi { x -= turn }
        while x < -Double.pi { x += turn }
        return x
    }
}
