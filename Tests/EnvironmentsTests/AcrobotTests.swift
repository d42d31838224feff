import Foundation
import RLCore
import Testing
@testable import Environments

@Suite("Acrobot-v1 dynamics, squares, clips and episode bookkeeping")
struct AcrobotTests {
    typealias State = Acrobot.State

    static func state(_ bits: [UInt64]) -> State {
        State(components: bits.map(Double.init(bitPattern:)))
    }

    @Test("one step squares through glibc's pow as numpy does: gymnasium's state to the last bit")
    func stepMatchesGymnasiumWherePowIsNotMultiplication() {
        // gymnasium 1.4.0: reset(seed=19), actions from default_rng(1019); step 10 applies action 0 to the
        // state below. Squaring with x·x instead ends θ₂ in …a19a and θ̇₂ in …fb0c (Python, the same formula).
        let before = Self.state([0xBFC1_4D1A_5794_619C, 0x3FC7_02BF_EAED_56FE, 0xBFD2_FE24_91D3_1B3C,
                                 0x3FEF_C12C_76FE_7438])
        let after = Acrobot.nextState(after: before, torque: -1)
        #expect(after.components.map(\.bitPattern) == [0xBFC4_35AA_AE1D_A10C, 0x3FD3_7F02_0734_A19B,
                                                       0x3FB3_8254_8390_3568, 0x3FCE_1320_F9C7_FB10])
    }

    @Test("glibc's pow(x, 2) is not always x·x, which is why the squares call it")
    func powDiffersFromMultiplication() {
        // Found by searching uniform doubles in ±30 with ctypes' libm pow; about 0.08% of them differ.
        var generator = RunSeed(0).generator(for: "pow")
        let differing = (0..<100_000).map { _ in generator.uniform(-30, 30) }
            .filter { Acrobot.square($0) != $0 * $0 }
        #expect(differing.count > 10)
        #expect(differing.allSatisfy { abs(Acrobot.square($0) - $0 * $0) <= ($0 * $0).ulp })
    }

    @Test("angles wrap into [−π, π] one turn at a time; velocities clip at ±4π and ±9π")
    func wrapAndClip() {
        #expect(Acrobot.wrap(4) == 4 - 2 * Double.pi)
        #expect(Acrobot.wrap(-3 * Double.pi - 0.25) == -3 * Double.pi - 0.25 + 2 * Double.pi + 2 * Double.pi)
        #expect(Acrobot.wrap(Double.pi) == Double.pi)
        // gymnasium 1.4.0: state = [0, 0, 20, 40], step(2) gives θ̇₁ = 4π and θ̇₂ = −9π, both clipped (and θ₁
        // 2.9320058551537116, θ₂ −0.9582646728889692 after wrapping).
        let fast = Acrobot.nextState(after: State(theta1: 0, theta2: 0, theta1Dot: 20, theta2Dot: 40), torque: 1)
        #expect(fast == State(theta1: 2.9320058551537116, theta2: -0.9582646728889692,
                              theta1Dot: Acrobot.maxVelocity1, theta2Dot: -Acrobot.maxVelocity2))
        #expect(Acrobot.maxVelocity1 == 12.566370614359172 && Acrobot.maxVelocity2 == 28.274333882308138)
    }

    @Test("the swung-up step pays 0 and terminates; others pay −1; 500 steps truncate")
    func rewardsAndTimeLimit() {
        // −cos θ₁ − cos(θ₁ + θ₂) > 1: both links pointing up (θ₁ = π) is far above the line.
        var up = Acrobot.startingReplay(at: State(theta1: Double.pi, theta2: 0, theta1Dot: 0, theta2Dot: 0))
        #expect(up.step(1) == StepOutcome(reward: 0, terminated: true, truncated: false))
        var hanging = Acrobot.startingReplay(at: State(theta1: 0, theta2: 0, theta1Dot: 0, theta2Dot: 0))
        var outcomes: [StepOutcome] = []
        for _ in 0..<500 { outcomes.append(hanging.step(1)) }
        #expect(outcomes.dropLast().allSatisfy { $0 == StepOutcome(reward: -1, terminated: false, truncated: false) })
        #expect(outcomes.last == StepOutcome(reward: -1, terminated: false, truncated: true))
    }

    @Test("a reset draws four float32 values in [−0.1, 0.1); the observation is cos, sin of both angles and both rates")
    func resetAndObservation() {
        var environment = Acrobot(generator: RunSeed(5).generator(for: "env"))
        for _ in 0..<100 {
            environment.reset()
            for component in environment.state.components {
                #expect(Double(Float(component)) == component)
                #expect((-0.1)..<0.1 ~= component)
            }
        }
        let state = environment.state
        #expect(environment.observation() == [
            Float(cos(state.theta1)), Float(sin(state.theta1)), Float(cos(state.theta2)), Float(sin(state.theta2)),
            Float(state.theta1Dot), Float(state.theta2Dot),
        ])
    }
}
