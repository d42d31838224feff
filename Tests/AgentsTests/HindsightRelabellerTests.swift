import Environments
import RLCore
import Testing
@testable import Agents

/// A goal environment whose states are numbered and whose goals are those numbers, so a relabelled goal
/// names the step it was taken from. Reward −1 until the goal is reached, 0 there (bit-flipping's rule).
private struct NumberedStates: GoalEnvironment {
    var observationCount: Int { 2 }
    var actionCount: Int { 1 }
    var goalCount: Int { 1 }
    var position: Float = 0
    let goal: Float
    mutating func reset() { position = 0 }
    func saveState(into part: inout StatePart) { part.set("position", floats: [position]) }
    mutating func restoreState(from part: StatePart) throws(StatePartError) { position = try part.floats("position", count: 1)[0] }
    mutating func step(_ action: Int) -> StepOutcome {
        position += 1
        return StepOutcome(reward: position == goal ? 0 : -1, terminated: position == goal, truncated: false)
    }
    func writeObservation(into buffer: UnsafeMutableBufferPointer<Float>) {
        buffer[0] = position
        buffer[1] = goal
    }
    var achievedGoal: [Float] { [position] }
    var desiredGoal: [Float] { [goal] }
    func reward(achieved: [Float], desired: [Float]) -> Double { isSuccess(achieved: achieved, desired: desired) ? 0 : -1 }
    func isSuccess(achieved: [Float], desired: [Float]) -> Bool { achieved == desired }
}

@Suite("Hindsight experience replay")
struct HindsightRelabellerTests {
    /// An episode of `length` steps in `NumberedStates` that never reaches its goal (100) and is truncated.
    private static func episode(length: Int) -> (GoalEpisode, NumberedStates) {
        var env = NumberedStates(goal: 100)
        var episode = GoalEpisode(startingFrom: env)
        for t in 0..<length {
            var outcome = env.step(0)
            outcome.truncated = t == length - 1
            episode.append(action: 0, outcome: outcome, environment: env)
        }
        return (episode, env)
    }

    @Test("final with --her-terminal: each step stored twice, the copy aimed at the last goal, terminal on success")
    func finalStrategy() {
        let (episode, env) = Self.episode(length: 5)
        var generator = RunSeed(1).generator(for: "her")
        let transitions = HindsightRelabeller(strategy: .final, terminalOnSuccess: true)
            .transitions(of: episode, environment: env, using: &generator)
        #expect(transitions.count == 10)
        for t in 0..<5 {
            let original = transitions[2 * t], copy = transitions[2 * t + 1]
            #expect(original.observation == [Float(t), 100] && original.nextObservation == [Float(t + 1), 100])
            #expect(original.reward == -1 && !original.terminated && original.truncated == (t == 4))
            #expect(copy.observation == [Float(t), 5] && copy.nextObservation == [Float(t + 1), 5])
            // Only the last step arrives at g_5 = 5: reward 0 and terminated; the others stay −1.
            #expect(copy.reward == (t == 4 ? 0 : -1) && copy.terminated == (t == 4) && !copy.truncated)
        }
    }

    @Test("by default, as in the paper, nothing stored is terminated: a success bootstraps, an end is truncated")
    func paperBootstrapsEveryTransition() {
        // The 5-step episode above (goal 100, truncated at t = 4): the copy of t = 4 reaches g_5 = 5 with reward 0
        // and is stored truncated (the episode ended there), not terminated, so its target is 0 + γ·max Q(5‖5, ·).
        let (episode, env) = Self.episode(length: 5)
        var generator = RunSeed(1).generator(for: "her")
        let transitions = HindsightRelabeller(strategy: .final)
            .transitions(of: episode, environment: env, using: &generator)
        #expect(transitions.map(\.reward) == [-1, -1, -1, -1, -1, -1, -1, -1, -1, 0])
        #expect(transitions.allSatisfy { !$0.terminated })
        #expect(transitions.map(\.truncated) == [false, false, false, false, false, false, false, false, true, true])

        // An episode that reaches its goal 3 at t = 2 and is terminated there by the environment: the original
        // and its copy (the final goal is the same 3) both bootstrap by default; with --her-terminal both end.
        var reaching = NumberedStates(goal: 3)
        var ended = GoalEpisode(startingFrom: reaching)
        for _ in 0..<3 { ended.append(action: 0, outcome: reaching.step(0), environment: reaching) }
        #expect(ended.terminated == [false, false, true])
        let paper = HindsightRelabeller(strategy: .final)
            .transitions(of: ended, environment: reaching, using: &generator)
        #expect(paper.map(\.reward) == [-1, -1, -1, -1, 0, 0])
        #expect(paper.map(\.terminated) == [false, false, false, false, false, false])
        #expect(paper.map(\.truncated) == [false, false, false, false, true, true])
        let terminal = HindsightRelabeller(strategy: .final, terminalOnSuccess: true)
            .transitions(of: ended, environment: reaching, using: &generator)
        #expect(terminal.map(\.terminated) == [false, false, false, false, true, true])
        #expect(terminal.allSatisfy { !$0.truncated })
    }

    @Test("future, --her-terminal: k goals per step, each achieved after that step (indices t+1…T), all reachable",
          arguments: [1, 4, 8])
    func futureStrategy(k: Int) {
        let length = 6
        let (episode, env) = Self.episode(length: length)
        var generator = RunSeed(UInt64(k)).generator(for: "her")
        let relabeller = HindsightRelabeller(strategy: .future(k: k), terminalOnSuccess: true)
        var seen = [Set<Int>](repeating: [], count: length)
        for _ in 0..<200 {
            let transitions = relabeller.transitions(of: episode, environment: env, using: &generator)
            #expect(transitions.count == length * (1 + k))
            for t in 0..<length {
                let block = transitions[t * (1 + k) ..< (t + 1) * (1 + k)]
                #expect(block.first!.observation == [Float(t), 100])
                for copy in block.dropFirst() {
                    let j = Int(copy.observation[1])
                    #expect(j >= t + 1 && j <= length, "step \(t) relabelled with g_\(j)")
                    #expect(copy.observation == [Float(t), Float(j)] && copy.nextObservation == [Float(t + 1), Float(j)])
                    #expect(copy.reward == (j == t + 1 ? 0 : -1) && copy.terminated == (j == t + 1))
                    #expect(copy.truncated == (j != t + 1 && t == length - 1))
                    seen[t].insert(j)
                }
            }
        }
        for t in 0..<length { #expect(seen[t] == Set(t + 1 ... length)) }
    }

    @Test("goal indices: final always names T; future draws k indices uniformly from t+1…T")
    func indices() {
        var generator = RunSeed(3).generator(for: "her")
        #expect(HindsightRelabeller(strategy: .final).goalIndices(forStep: 2, episodeLength: 7, using: &generator) == [7])
        let future = HindsightRelabeller(strategy: .future(k: 4))
        var counts = [Int](repeating: 0, count: 8)
        for _ in 0..<10_000 {
            let drawn = future.goalIndices(forStep: 3, episodeLength: 7, using: &generator)
            #expect(drawn.count == 4)
            for j in drawn { counts[j] += 1 }
        }
        #expect(counts[...3].allSatisfy { $0 == 0 })
        // 40,000 draws over 4 indices: each Binomial(40000, 1/4), sd ≈ 87.
        for j in 4...7 { #expect(abs(counts[j] - 10_000) < 435) }
    }

    @Test("relabelled bit-flipping episodes go into uniform and prioritized replay unchanged")
    func composesWithReplay() {
        var env = BitFlipping(bits: 6, generator: RunSeed(4).generator(for: "env"))
        var actions = RunSeed(4).generator(for: "actions")
        var episode = GoalEpisode(startingFrom: env)
        var outcome = StepOutcome(reward: 0, terminated: false, truncated: false)
        while !outcome.isDone {
            let action = actions.uniformInt(below: 6)
            outcome = env.step(action)
            episode.append(action: action, outcome: outcome, environment: env)
        }
        var generator = RunSeed(4).generator(for: "her")
        let transitions = HindsightRelabeller(strategy: .future(k: 4), terminalOnSuccess: true)
            .transitions(of: episode, environment: env, using: &generator)
        // The last step's copies can only aim at the final state (t+1…T is just T), and they all succeed.
        let last = transitions.suffix(4).filter { Array($0.observation[6...]) == env.state }
        #expect(last.count == 4 && last.allSatisfy { $0.reward == 0 && $0.terminated })
        let memories: [any ReplayMemory] = [
            ReplayBuffer(capacity: 1_000, observationCount: 12),
            PrioritizedReplayBuffer(capacity: 1_000, observationCount: 12),
        ]
        for memory in memories {
            for transition in transitions { memory.add(transition) }
            #expect(memory.count == transitions.count)
            #expect((0..<transitions.count).map { memory.transition(at: $0) } == transitions)
        }
        // Storing straight into a memory gives the same transitions in the same order from the same draws.
        for strategy in [HindsightRelabeller.Strategy.final, .future(k: 3)] {
            var listed = RunSeed(8).generator(for: "her"), stored = listed
            let expected = HindsightRelabeller(strategy: strategy).transitions(of: episode, environment: env, using: &listed)
            let memory = ReplayBuffer(capacity: 1_000, observationCount: 12)
            HindsightRelabeller(strategy: strategy).store(episode, into: memory, environment: env, using: &stored)
            #expect((0..<memory.count).map { memory.transition(at: $0) } == expected, "\(strategy)")
            #expect(listed.next() == stored.next())
        }
    }
}
