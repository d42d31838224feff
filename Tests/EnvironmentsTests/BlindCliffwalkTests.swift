import RLCore
import Testing
@testable import Environments

@Suite("Blind Cliffwalk (PER)")
struct BlindCliffwalkTests {
    @Test("n 'right' actions in a row earn reward 1 on the last step and terminate")
    func walkToTheEnd() {
        var env = BlindCliffwalk(states: 5, generator: RunSeed(3).generator(for: "env"))
        for state in 0..<5 {
            #expect(env.observation() == (0..<5).map { $0 == state ? 1 : 0 })
            let outcome = env.step(env.rightAction(in: state))
            #expect(outcome.reward == (state == 4 ? 1 : 0))
            #expect(outcome.terminated == (state == 4) && !outcome.truncated)
        }
        #expect(env.position == 5 && env.isOver)
        #expect(env.observation() == [0, 0, 0, 0, 0])
    }

    @Test("'wrong' ends the episode with reward 0 where it is taken")
    func wrongTerminates() {
        var env = BlindCliffwalk(states: 4, generator: RunSeed(8).generator(for: "env"))
        _ = env.step(env.rightAction(in: 0))
        let outcome = env.step(1 - env.rightAction(in: 1))
        #expect(outcome == StepOutcome(reward: 0, terminated: true, truncated: false))
        #expect(env.position == 1 && env.isOver)
        env.reset()
        #expect(env.position == 0 && !env.isOver)
    }

    @Test("the 'right' action alternates from state to state, and both phases occur across seeds")
    func alternation() {
        var phases = Set<Int>()
        for seed in 0..<16 as Range<UInt64> {
            let env = BlindCliffwalk(states: 6, generator: RunSeed(seed).generator(for: "env"))
            for state in 0..<5 { #expect(env.rightAction(in: state) != env.rightAction(in: state + 1)) }
            phases.insert(env.rightAction(in: 0))
        }
        #expect(phases == [0, 1])
    }

    @Test("the true Q is γ^(n−1−s) for 'right' and 0 for 'wrong', with γ = 1 − 1/n, and satisfies Bellman's equation")
    func trueQ() {
        let env = BlindCliffwalk(states: 4, generator: RunSeed(1).generator(for: "env"))
        #expect(env.discount == 0.75)
        let expected = [0.75 * 0.75 * 0.75, 0.75 * 0.75, 0.75, 1.0]
        for state in 0..<4 {
            #expect(abs(env.trueQ(state: state, action: env.rightAction(in: state)) - expected[state]) < 1e-12)
            #expect(env.trueQ(state: state, action: 1 - env.rightAction(in: state)) == 0)
        }
        for transition in env.replayMemory() {
            let next = transition.terminated ? 0 : max(env.trueQ(state: transition.nextState, action: 0),
                                                       env.trueQ(state: transition.nextState, action: 1))
            let target = transition.reward + env.discount * next
            #expect(abs(env.trueQ(state: transition.state, action: transition.action) - target) < 1e-12)
        }
    }

    @Test("the replay memory holds 2^(n+1) − 2 transitions, one rewarded, each as often as a random policy makes it",
          arguments: [1, 2, 3, 5, 8, 10])
    func memory(states: Int) {
        let env = BlindCliffwalk(states: states, generator: RunSeed(UInt64(states)).generator(for: "env"))
        let memory = env.replayMemory()
        #expect(memory.count == (1 << (states + 1)) - 2)
        #expect(memory.filter { $0.reward == 1 }.count == 1)
        #expect(memory.filter(\.terminated).count == 1 << states)
        // A uniform random policy reaches state s with probability 2⁻ˢ; over 2ⁿ sequences each action there
        // is taken 2ⁿ⁻ˢ⁻¹ times.
        for state in 0..<states {
            for action in 0..<2 {
                let copies = memory.filter { $0.state == state && $0.action == action }.count
                #expect(copies == 1 << (states - state - 1))
            }
        }
    }

    @Test("every memory transition is what stepping the environment produces")
    func memoryMatchesDynamics() {
        var env = BlindCliffwalk(states: 4, generator: RunSeed(2).generator(for: "env"))
        for transition in env.replayMemory() {
            env.reset()
            for state in 0..<transition.state { _ = env.step(env.rightAction(in: state)) }
            let outcome = env.step(transition.action)
            #expect(outcome.reward == transition.reward && outcome.terminated == transition.terminated)
            #expect(env.position == transition.nextState)
        }
    }
}
