import Environments
import NeuralNet
import RLCore
import Testing
@testable import Agents

@Suite("DQN agent")
struct DQNAgentTests {
    @Test("the target network is an exact copy of θ right after every K-th gradient step and frozen in between")
    func targetPeriod() throws {
        var environment = AgentTestSupport.cartPole()
        let agent = try #require(try AgentTestSupport.agent(.dqn, for: environment, [.targetPeriod: 3, .learningStarts: 1, .batchSize: 4, .hiddenSize: 8]) as? DQNAgent)
        let target = try #require(agent.qFunction.target)
        var frozen = AgentTestSupport.parameters(of: target)
        var checked = 0
        AgentTestSupport.drive(agent, on: &environment, steps: 20) { _ in
            let online = AgentTestSupport.parameters(of: agent.qFunction.network)
            let current = AgentTestSupport.parameters(of: target)
            if agent.gradientSteps % 3 == 0 {
                #expect(current == online, "copied at gradient step \(agent.gradientSteps)")
                frozen = current
            } else {
                #expect(current == frozen, "θ⁻ unchanged at gradient step \(agent.gradientSteps)")
                #expect(current != online)
            }
            checked += 1
        }
        #expect(agent.gradientSteps == 20)
        #expect(checked == 20)
    }

    @Test("a K edit counts K gradient steps from the last target update, not from the next multiple of K")
    func targetPeriodEdit() throws {
        var environment = AgentTestSupport.cartPole()
        let agent = try #require(try AgentTestSupport.agent(
            .dqn, for: environment, [.targetPeriod: 4, .learningStarts: 1, .batchSize: 4, .hiddenSize: 8]) as? DQNAgent)
        let target = try #require(agent.qFunction.target)
        var updates: [Int] = []
        var previous = AgentTestSupport.parameters(of: target)
        func record() {
            let current = AgentTestSupport.parameters(of: target)
            if current != previous {
                #expect(current == AgentTestSupport.parameters(of: agent.qFunction.network))
                updates.append(agent.gradientSteps)
            }
            previous = current
        }
        AgentTestSupport.drive(agent, on: &environment, steps: 6) { _ in record() }
        try agent.setHyperparameter(.targetPeriod, to: 5)
        AgentTestSupport.drive(agent, on: &environment, steps: 10) { _ in record() }
        // From step 0 by multiples of the new K it would be [4, 10, 15].
        #expect(updates == [4, 9, 14])
    }

    @Test("τ < 1 moves θ⁻ by Polyak averaging every K steps instead of copying")
    func polyak() throws {
        var environment = AgentTestSupport.cartPole()
        let agent = try #require(try AgentTestSupport.agent(.dqn, for: environment, [.targetPeriod: 1, .tau: 0.5, .learningStarts: 1, .batchSize: 4, .hiddenSize: 8]) as? DQNAgent)
        let target = try #require(agent.qFunction.target)
        AgentTestSupport.drive(agent, on: &environment, steps: 3)
        var before = AgentTestSupport.parameters(of: target)
        AgentTestSupport.drive(agent, on: &environment, steps: 1) { _ in
            let online = AgentTestSupport.parameters(of: agent.qFunction.network)
            let after = AgentTestSupport.parameters(of: target)
            for index in after.indices {
                #expect(abs(after[index] - (0.5 * online[index] + 0.5 * before[index])) < 1e-6)
            }
            before = after
        }
    }

    @Test("prioritized replay composes: the loss is weighted by the IS weights and replayed slots get priority |δ| + ε")
    func prioritizedComposes() throws {
        var environment = AgentTestSupport.cartPole()
        let agent = try #require(try AgentTestSupport.agent(.dqn, for: environment, options: AgentOptions(replay: .prioritized),
            [.learningStarts: 16, .batchSize: 8, .hiddenSize: 16]) as? DQNAgent)
        let memory = try #require(agent.memory as? PrioritizedReplayBuffer)
        AgentTestSupport.drive(agent, on: &environment, steps: 200)
        let batch = agent.batch, errors = agent.lastTDErrors
        for row in 0..<batch.size {
            #expect(abs(memory.priority(of: batch.indices[row]) - (Double(abs(errors[row])) + 1e-6)) < 1e-6)
        }
        #expect(batch.weights.contains { $0 < 0.999 }, "non-uniform priorities give weights below 1")
        #expect(batch.weights.allSatisfy { $0 > 0 && $0 <= 1 })
        let weighted = zip(batch.weights, errors).reduce(Float(0)) { $0 + $1.0 * RegressionLoss.huber.value($1.1) } / Float(batch.size)
        let loss = try #require(agent.lastLoss)
        #expect(abs(loss - weighted) < 1e-4 * max(1, abs(weighted)))
    }

    @Test("HER stores each episode with its own goal and relabelled copies, terminal on success only with --her-terminal",
          arguments: [(AgentOptions.Hindsight.final, AgentOptions.Replay.uniform, 1, false),
                      (.future, .prioritized, 3, true)])
    func hindsightComposes(strategy: AgentOptions.Hindsight, replay: AgentOptions.Replay, copies: Int,
                           terminal: Bool) throws {
        var environment: any Environment = BitFlipping(bits: 6, generator: RunSeed(3).generator(for: "env"))
        let options = AgentOptions(replay: replay, hindsight: strategy, herTerminal: terminal)
        let agent = try #require(try AgentTestSupport.agent(.dqn, for: environment, options: options,
            [.learningStarts: 1_000, .herK: Double(copies)]) as? DQNAgent)
        let lengths = AgentTestSupport.drive(agent, on: &environment, steps: 40)
        let stored = lengths.reduce(0, +) * (1 + copies)
        #expect(agent.memory.count == stored)
        var relabelled = 0
        for slot in 0..<stored where slot % (1 + copies) != 0 {
            let transition = agent.memory.transition(at: slot)
            let achieved = Array(transition.nextObservation[..<6]), goal = Array(transition.nextObservation[6...])
            #expect(Array(transition.observation[6...]) == goal, "both observations carry the new goal")
            #expect(transition.reward == (achieved == goal ? 0 : -1))
            #expect(transition.terminated == (terminal && achieved == goal))
            relabelled += 1
        }
        #expect(relabelled == stored * copies / (1 + copies))
    }

    @Test("--no-replay keeps only the last B transitions and each update takes exactly those, each once, oldest first")
    func noReplay() throws {
        var environment = AgentTestSupport.cartPole()
        let agent = try #require(try AgentTestSupport.agent(.dqn, for: environment, options: AgentOptions(noReplay: true), [.batchSize: 8, .learningStarts: 1]) as? DQNAgent)
        AgentTestSupport.drive(agent, on: &environment, steps: 50)
        #expect(agent.memory.capacity == 8 && agent.memory.count == 8)
        // The first update waits for B = 8 transitions: steps 8…50 update.
        #expect(agent.gradientSteps == 43)
        // 50 transitions in a ring of 8: the newest in slot 1, the oldest in slot 2.
        #expect(agent.batch.indices == [2, 3, 4, 5, 6, 7, 0, 1])
        #expect(agent.batch.weights == [Float](repeating: 1, count: 8))
        for row in 0..<8 {
            let slot = agent.batch.indices[row]
            #expect(agent.batch.transitions.transition(at: row) == agent.memory.transition(at: slot))
        }
    }

    @Test("--her-terminal needs --her")
    func herTerminalNeedsHindsight() {
        let environment = AgentTestSupport.cartPole()
        let refusal = AlgorithmError.incompatibleOptions("--her-terminal", "--her none",
                                                         reason: "only relabelled transitions can be made terminal")
        #expect(throws: refusal) {
            try AgentTestSupport.agent(.dqn, for: environment, options: AgentOptions(herTerminal: true))
        }
    }

    @Test("with --no-replay a live B edit resizes the memory to the last B transitions, newest kept in order")
    func noReplayBatchEdit() throws {
        var environment = AgentTestSupport.cartPole()
        let agent = try #require(try AgentTestSupport.agent(
            .dqn, for: environment, options: AgentOptions(noReplay: true),
            [.batchSize: 8, .learningStarts: 1]) as? DQNAgent)
        AgentTestSupport.drive(agent, on: &environment, steps: 11)
        let newest = (5..<8).map { agent.memory.transition(at: ($0 + 11) % 8) }
        try agent.setHyperparameter(.batchSize, to: 3)
        #expect(agent.memory.capacity == 3 && agent.memory.count == 3)
        #expect((0..<3).map { agent.memory.transition(at: $0) } == newest)
        try agent.setHyperparameter(.batchSize, to: 16)
        AgentTestSupport.drive(agent, on: &environment, steps: 20)
        #expect(agent.memory.capacity == 16 && agent.memory.count == 16 && agent.batch.size == 16)
    }

    @Test("hyperparameters change between updates; shape-defining ones are refused on a running agent")
    func liveChanges() throws {
        let environment = AgentTestSupport.cartPole()
        let agent = try #require(try AgentTestSupport.agent(.dqn, for: environment) as? DQNAgent)
        try agent.setHyperparameter(.learningRate, to: 1e-4)
        #expect(agent.qFunction.optimizer.learningRate == 1e-4)
        try agent.setHyperparameter(.batchSize, to: 16)
        #expect(agent.batch.size == 16 && agent.qFunction.batchSize == 16)
        #expect(throws: HyperparameterError.requiresRestart(key: .hiddenSize)) { try agent.setHyperparameter(.hiddenSize, to: 32) }
        #expect(throws: HyperparameterError.outOfRange(key: .gamma, value: 2)) { try agent.setHyperparameter(.gamma, to: 2) }
        #expect(agent.hyperparameters[.gamma] == 0.99)
    }
}
