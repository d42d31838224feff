import Foundation
import RLCore
import Testing
import Environments

/// Expected values are gymnasium 1.4.0's: `e = gym.make("MountainCar-v0").unwrapped; e.reset(seed=0);
/// e.state = np.array([x, v]); e.step(a); e.state`, printed with repr.
@Suite("MountainCar-v0 dynamics, walls and episode bookkeeping")
struct MountainCarTests {
    typealias State = MountainCar.State

    static func step(_ state: State, _ action: Int) -> (State, StepOutcome) {
        var environment = MountainCar.startingReplay(at: state)
        let outcome = environment.step(action)
        return (environment.state, outcome)
    }

    @Test("coasting from rest at x = −0.5: only the slope pulls, v = cos(−1.5)·(−0.0025)")
    func coastFromRest() {
        let (next, outcome) = Self.step(State(position: -0.5, velocity: 0), 1)
        #expect(next == State(position: -0.5001768430041692, velocity: -0.00017684300416925727))
        #expect(outcome == StepOutcome(reward: -1, terminated: false, truncated: false))
    }

    @Test("the push and the pull are summed before they join v, as gymnasium groups them (one ulp apart)")
    func velocityGrouping() {
        // random_seed0 at step 17: v + (push + pull) is −0.008727810512665347, (v + push) + pull ends in …348.
        let before = State(position: Double(bitPattern: 0xBFE1_3A42_F781_1DAC),
                           velocity: Double(bitPattern: 0xBF80_0DA1_7857_824A))
        let (next, _) = Self.step(before, 0)
        #expect(next.position.bitPattern == 0xBFE1_81C2_8318_141C)
        #expect(next.velocity.bitPattern == 0xBF81_DFE2_E5BD_9BFA)
        #expect(next.velocity == -0.008727810512665347)
    }

    @Test("the left wall stops the car dead; the speed is clipped at 0.07")
    func wallAndSpeedClip() {
        #expect(Self.step(State(position: -1.19, velocity: -0.02), 0).0 == State(position: -1.2, velocity: 0))
        #expect(Self.step(State(position: -1.0, velocity: 0.069), 2).0
            == State(position: -0.9299999999999999, velocity: 0.07))
    }

    @Test("the flag ends the episode at x ≥ 0.5 with v ≥ 0; every step costs 1; 200 steps truncate")
    func goalAndTimeLimit() {
        #expect(Self.step(State(position: 0.49, velocity: 0.0099), 1).1.terminated == false)
        #expect(Self.step(State(position: 0.49, velocity: 0.0199), 2).1
            == StepOutcome(reward: -1, terminated: true, truncated: false))
        var environment = MountainCar.startingReplay(at: State(position: -0.5, velocity: 0))
        var outcomes: [StepOutcome] = []
        for _ in 0..<200 { outcomes.append(environment.step(1)) }
        #expect(outcomes.dropLast().allSatisfy { !$0.isDone })
        #expect(outcomes.last == StepOutcome(reward: -1, terminated: false, truncated: true))
    }

    @Test("a reset starts at rest at a position in [−0.6, −0.4), drawn from the run's environment stream")
    func reset() {
        var environment = MountainCar(generator: RunSeed(3).generator(for: "env"))
        var positions: Set<Double> = []
        for _ in 0..<200 {
            environment.reset()
            #expect(environment.state.velocity == 0 && environment.elapsedSteps == 0)
            #expect((-0.6)..<(-0.4) ~= environment.state.position)
            positions.insert(environment.state.position)
        }
        #expect(positions.count == 200)
        #expect(environment.observation() == [Float(environment.state.position), 0])
    }
}
