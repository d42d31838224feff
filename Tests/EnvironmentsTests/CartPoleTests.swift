import Foundation
import RLCore
import Testing
import Environments

@Suite("CartPole-v1 dynamics, boundaries and episode bookkeeping")
struct CartPoleTests {
    typealias State = CartPole.State

    static func environment(at state: State) -> CartPole {
        var environment = CartPole(generator: RunSeed(0).generator(for: "env"))
        environment.reset(to: state)
        return environment
    }

    /// The controller the shared traces use: push towards where the pole is heading, on the observation.
    static func controllerA(_ environment: CartPole) -> Int {
        let observation = environment.observation()
        return observation[2] + 0.5 * observation[3] > 0 ? 1 : 0
    }

    @Test("the constants are gymnasium's, down to the bits of the 12° threshold")
    func constants() {
        #expect(CartPole.thetaThresholdRadians.bitPattern == 0x3FCA_CEE9_F37B_EBD5)
        #expect(CartPole.totalMass == 1.1)
        #expect(CartPole.poleMassLength == 0.05)
        #expect(CartPole.maxEpisodeSteps == 500)
        #expect(CartPole.rewardThreshold == 475)
    }

    @Test("x exactly ±2.4 does not terminate (strict), one ulp beyond does")
    func strictCartBoundary() {
        var right = Self.environment(at: State(x: 2.4, xDot: 0, theta: 0, thetaDot: 0))
        let stay = right.step(1)
        #expect(right.state.x == 2.4 && !stay.terminated && stay.reward == 1)

        var left = Self.environment(at: State(x: -2.4, xDot: 0, theta: 0, thetaDot: 0))
        #expect(!left.step(0).terminated && left.state.x == -2.4)

        var past = Self.environment(at: State(x: 2.4, xDot: 2.220446049250313e-14, theta: 0, thetaDot: 0))
        let out = past.step(0)
        #expect(past.state.x == (2.4).nextUp && out.terminated && out.reward == 1)

        var pastLeft = Self.environment(at: State(x: -2.4, xDot: -2.220446049250313e-14, theta: 0, thetaDot: 0))
        #expect(pastLeft.step(1).terminated && pastLeft.state.x == (-2.4).nextDown)
    }

    @Test("θ exactly ±12° does not terminate (strict), one ulp beyond does")
    func strictAngleBoundary() {
        let threshold = CartPole.thetaThresholdRadians
        var exact = Self.environment(at: State(x: 0, xDot: 0, theta: threshold, thetaDot: 0))
        #expect(!exact.step(0).terminated && exact.state.theta == threshold)

        var negative = Self.environment(at: State(x: 0, xDot: 0, theta: -threshold, thetaDot: 0))
        #expect(!negative.step(1).terminated && negative.state.theta == -threshold)

        // 0.2094 + 0.02·θ̇ lands exactly on the threshold, or one ulp past it (values of the shared traces).
        var landing = Self.environment(at: State(x: 0, xDot: 0, theta: 0.2094, thetaDot: 0.001975511965976451))
        #expect(!landing.step(1).terminated && landing.state.theta == threshold)

        var past = Self.environment(at: State(x: 0, xDot: 0, theta: 0.2094, thetaDot: 0.0019755119659778386))
        #expect(past.step(1).terminated && past.state.theta == threshold.nextUp)
    }

    @Test("termination is decided on the doubles: at x = 2.4 the float32 observation already reads more than 2.4")
    func terminationIgnoresFloat32Rounding() {
        var environment = Self.environment(at: State(x: 2.4, xDot: 0, theta: 0, thetaDot: 0))
        let outcome = environment.step(1)
        #expect(Double(environment.observation()[0]) > CartPole.xThreshold)
        #expect(!outcome.terminated)
    }

    @Test("the observation is the double state rounded to float32")
    func observationIsRoundedState() {
        var environment = CartPole(generator: RunSeed(4).generator(for: "env"))
        _ = environment.step(1)
        let state = environment.state
        #expect(environment.observation() == [Float(state.x), Float(state.xDot), Float(state.theta), Float(state.thetaDot)])
    }

    @Test("the terminating step pays 1; later steps still out of bounds pay 0 and count steps_beyond_terminated")
    func rewardAfterTermination() {
        var environment = Self.environment(at: State(x: 0, xDot: 0, theta: 0.25, thetaDot: 0))
        let first = environment.step(0)
        #expect(first.terminated && first.reward == 1 && environment.stepsBeyondTerminated == 0)
        let previous = environment.state
        let second = environment.step(0)
        #expect(second.terminated && second.reward == 0 && environment.stepsBeyondTerminated == 1)
        #expect(environment.state != previous)
        let third = environment.step(1)
        #expect(third.terminated && third.reward == 0 && environment.stepsBeyondTerminated == 2)
    }

    @Test("re-entering the bounds after termination reports terminated = false and reward 1 again")
    func reentryAfterTermination() {
        var environment = Self.environment(at: State(x: 0, xDot: 0, theta: 0.209, thetaDot: 0.1))
        let out = environment.step(1)
        #expect(out.terminated && out.reward == 1)
        let back = environment.step(1)
        #expect(!back.terminated && back.reward == 1)
        // gymnasium keeps its counter at 0 rather than clearing it, so leaving the bounds again pays 0.
        #expect(environment.stepsBeyondTerminated == 0)
        var again = StepOutcome(reward: 1, terminated: false, truncated: false)
        for _ in 0..<50 where !again.terminated {
            again = environment.step(0)
        }
        #expect(again.terminated && again.reward == 0 && environment.stepsBeyondTerminated == 1)
    }

    @Test("terminated and truncated are both true when the pole falls on step 500")
    func bothFlagsAtOnce() throws {
        let trace = try CartPoleConformanceTests.trace("controllerA_seed14_terminate_at_500")
        var environment = Self.environment(at: trace.initialState)
        var outcomes: [StepOutcome] = []
        for step in trace.steps {
            outcomes.append(environment.step(step.action))
        }
        #expect(outcomes.count == 500)
        #expect(outcomes.dropLast().allSatisfy { !$0.isDone && $0.reward == 1 })
        #expect(outcomes.last == StepOutcome(reward: 1, terminated: true, truncated: true))
    }

    @Test("truncation comes at step 500 and stays on later steps, with normal dynamics and reward 1")
    func afterTruncation() {
        var environment = CartPole(generator: RunSeed(12).generator(for: "env"))
        var states = [environment.state]
        var outcomes: [StepOutcome] = []
        var actions: [Int] = []
        for _ in 0..<505 {
            let action = Self.controllerA(environment)
            actions.append(action)
            outcomes.append(environment.step(action))
            states.append(environment.state)
        }
        #expect(outcomes.allSatisfy { !$0.terminated && $0.reward == 1 })
        #expect(outcomes.prefix(499).allSatisfy { !$0.truncated })
        #expect(outcomes.suffix(6).allSatisfy { $0.truncated })
        #expect(environment.elapsedSteps == 505)
        for index in 500..<505 {
            #expect(states[index + 1] == CartPole.nextState(after: states[index], action: actions[index]))
            #expect(states[index + 1] != states[index])
        }
    }

    @Test("reset draws every component inside [−0.05, 0.05), in the order x, ẋ, θ, θ̇, and clears the counters")
    func resetDraws() {
        var generator = RunSeed(21).generator(for: "env")
        var environment = CartPole(generator: generator)
        let expected = State(
            x: generator.uniform(-0.05, 0.05), xDot: generator.uniform(-0.05, 0.05),
            theta: generator.uniform(-0.05, 0.05), thetaDot: generator.uniform(-0.05, 0.05))
        #expect(environment.state == expected)
        for _ in 0..<2000 {
            environment.reset()
            #expect(environment.state.components.allSatisfy { $0 >= -0.05 && $0 < 0.05 })
        }
        environment.reset(to: State(x: 0, xDot: 0, theta: 0.3, thetaDot: 0))
        _ = environment.step(0)
        environment.reset()
        #expect(environment.elapsedSteps == 0 && environment.stepsBeyondTerminated == nil)
    }

    @Test("the same generator seed gives the same reset states; another seed gives others")
    func resetIsSeeded() {
        var first = CartPole(generator: RunSeed(7).generator(for: "env"))
        var second = CartPole(generator: RunSeed(7).generator(for: "env"))
        let other = CartPole(generator: RunSeed(8).generator(for: "env"))
        #expect(first.state == second.state && first.state != other.state)
        first.reset()
        second.reset()
        #expect(first.state == second.state)
    }
}
