import Foundation
import RLCore

/// MountainCar-v0 exactly as `gymnasium.make("MountainCar-v0")` (gymnasium 1.4.0) behaves: MountainCarEnv inside
/// a 200-step TimeLimit.
///
/// An underpowered car sits in a valley whose floor is y = sin(3x) (Moore 1990); it must rock back and forth to
/// reach the flag at x = 0.5 on the right hill. Actions 0, 1, 2 push left, not at all, right. One step, in
/// doubles and in gymnasium's grouping (force 0.001, gravity 0.0025):
///
///     v ← clip(v + ((a − 1)·force + cos(3x)·(−gravity)), −0.07, 0.07)
///     x ← clip(x + v, −1.2, 0.6);  v ← 0 when x = −1.2 and v < 0      (an inelastic wall on the left)
///
/// Every step gives −1; the episode terminates when x ≥ 0.5 (and v ≥ 0, the default goal velocity), compared on
/// the doubles. `truncated` is `elapsedSteps ≥ 200`. A reset draws x uniform in [−0.6, −0.4) with v = 0. The
/// observation is [x, v] rounded to float32.
///
/// Measured by replaying gymnasium's traces (Tests/EnvironmentsTests/Fixtures/mountaincar_v0_traces.json):
/// the velocity update must add the push and the gravity term together before adding them to v; adding them
/// to v one after the other is one ulp off on some steps, and the episodes then part ways.
public struct MountainCar: Environment, Sendable {
    // Constants of gymnasium 1.4.0's MountainCarEnv (gymnasium/envs/classic_control/mountain_car.py).

    /// The left wall (the position is clipped to it).
    public static let minPosition = -1.2
    /// The right end of the track.
    public static let maxPosition = 0.6
    /// |v| is clipped to this.
    public static let maxSpeed = 0.07
    /// The flag: reaching x ≥ 0.5 ends the episode.
    public static let goalPosition = 0.5
    /// The velocity the car must have at least at the flag (gymnasium's default `goal_velocity`).
    public static let goalVelocity = 0.0
    /// The change of velocity one push gives.
    public static let force = 0.001
    /// The slope's pull: cos(3x)·gravity per step.
    public static let gravity = 0.0025
    /// The TimeLimit of the registered MountainCar-v0.
    public static let maxEpisodeSteps = 200
    /// gymnasium's `reward_threshold` for MountainCar-v0.
    public static let rewardThreshold = -110.0
    /// `reset()` draws the position uniformly from this range (half-open at the top).
    public static let resetPositions = -0.6 ... -0.4

    var random: EnvironmentRandom
    /// The current state in doubles (gymnasium's `env.unwrapped.state`).
    public internal(set) var state: State
    /// Calls to `step(_:)` since the last reset (the TimeLimit wrapper's `_elapsed_steps`).
    public internal(set) var elapsedSteps = 0

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

    public var observationCount: Int { 2 }
    public var actionCount: Int { 3 }

    /// Starts an episode at rest at a position uniform in [−0.6, −0.4).
    public mutating func reset() {
        reset(to: Self.startState(drawing: &random))
    }

    /// A start state: at rest, at a position uniform in [−0.6, −0.4) (one draw).
    static func startState(drawing random: inout EnvironmentRandom) -> State {
        State(position: random.uniform(resetPositions.lowerBound, resetPositions.upperBound), velocity: 0)
    }

    /// Starts an episode from `state`, as writing `env.unwrapped.state` after gymnasium's `reset()` does. Draws
    /// nothing from the generator.
    public mutating func reset(to state: State) {
        self.state = state
        elapsedSteps = 0
    }

    /// Pushes left (0), not at all (1) or right (2) for one step.
    public mutating func step(_ action: Int) -> StepOutcome {
        precondition((0..<3).contains(action), "MountainCar action \(action) outside 0..<3")
        state = Self.nextState(after: state, action: action)
        elapsedSteps += 1
        return StepOutcome(reward: -1, terminated: Self.isAtGoal(state),
                           truncated: elapsedSteps >= Self.maxEpisodeSteps)
    }

    /// Writes x and v, each rounded to the nearest float32.
    public func writeObservation(into buffer: UnsafeMutableBufferPointer<Float>) {
        buffer[0] = Float(state.position)
        buffer[1] = Float(state.velocity)
    }

    /// One step of the dynamics (see the type's documentation) in gymnasium's order of operations.
    public static func nextState(after state: State, action: Int) -> State {
        let push = Double(action - 1) * force
        var velocity = state.velocity + (push + cos(3 * state.position) * -gravity)
        velocity = min(max(velocity, -maxSpeed), maxSpeed)
        var position = state.position + velocity
        position = min(max(position, minPosition), maxPosition)
        if position == minPosition && velocity < 0 { velocity = 0 }
        return State(position: position, velocity: velocity)
    }

    /// Whether the car has reached the flag: x ≥ 0.5 with v ≥ 0.
    public static func isAtGoal(_ state: State) -> Bool {
        state.position >= goalPosition && state.velocity >= goalVelocity
    }

    /// The height of the hill at `position`, y = sin(3x), as the picture draws it.
    public static func height(at position: Double) -> Double { sin(3 * position) }
}
