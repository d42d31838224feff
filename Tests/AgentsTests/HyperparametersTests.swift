import Environments
import RLCore
import Testing
@testable import Agents

@Suite("Hyperparameter table and validation")
struct HyperparametersTests {
    static func message(_ algorithm: Algorithm, _ assignment: String) -> String? {
        var hyperparameters = Hyperparameters(defaultsFor: algorithm)
        do {
            try hyperparameters.apply(assignment: assignment)
            return nil
        } catch {
            return error.description
        }
    }

    @Test("out-of-range values are refused with a message naming the valid range")
    func rangeMessages() {
        #expect(Self.message(.dqn, "gamma=1.5") == "γ (gamma) must be a number in [0, 1], got 1.5")
        #expect(Self.message(.dqn, "target-period=0") == "K (target-period) must be a whole number in [1, 1000000000], got 0")
        #expect(Self.message(.dqn, "lr=-0.001") == "α (lr) must be a number in (0, 1], got -0.001")
        #expect(Self.message(.dqn, "batch-size=0") == "B (batch-size) must be a whole number in [1, 65536], got 0")
        #expect(Self.message(.dqn, "batch-size=2.5") == "B (batch-size) must be a whole number in [1, 65536], got 2.5")
        #expect(Self.message(.dqn, "alpha=1.1") == "α_PER (alpha) must be a number in [0, 1], got 1.1")
        #expect(Self.message(.dqn, "beta0=-1") == "β₀ (beta0) must be a number in [0, 1], got -1")
        #expect(Self.message(.dqn, "her-k=0") == "k (her-k) must be a whole number in [1, 64], got 0")
        #expect(Self.message(.dqn, "eps-end=2") == "ε₁ (eps-end) must be a number in [0, 1], got 2")
        #expect(Self.message(.dqn, "tau=0") == "τ (tau) must be a number in (0, 1], got 0")
        #expect(Self.message(.dqn, "gamma=abc") == "γ (gamma) must be a number in [0, 1], got 'abc'")
        #expect(Self.message(.dqn, "max-grad-norm=0") == "‖g‖max (max-grad-norm) must be a number > 0, got 0")
    }

    @Test("keys an algorithm does not read, unknown keys and malformed assignments are refused")
    func otherMistakes() throws {
        #expect(Self.message(.onlineQ, "target-period=10") == "target-period is not a hyperparameter of online-q (used by dqn)")
        #expect(Self.message(.dqn, "lambda=0.9") == "lambda is not a hyperparameter of dqn (used by vpg)")
        #expect(try #require(Self.message(.dqn, "gama=0.9")).hasPrefix("unknown hyperparameter 'gama'; known: gamma, lambda"))
        #expect(Self.message(.dqn, "gamma") == "expected key=value, got 'gamma'")
        #expect(Self.message(.dqn, "gamma=0.5") == nil)
    }

    @Test("command-line flags --key value and --key=value set hyperparameters in order; malformed ones are refused")
    func flags() throws {
        var hyperparameters = Hyperparameters(defaultsFor: .dqn)
        try hyperparameters.apply(flags: ["--gamma", "0.5", "--target-period=40", "--gamma", "-0"])
        #expect(hyperparameters[.gamma] == 0 && hyperparameters[.targetPeriod] == 40)
        #expect(throws: HyperparameterError.missingValue(flag: "--lr")) { try hyperparameters.apply(flags: ["--lr"]) }
        #expect(throws: HyperparameterError.unexpectedArgument("0.1")) { try hyperparameters.apply(flags: ["0.1"]) }
        #expect(throws: HyperparameterError.outOfRange(key: .gamma, value: 3)) { try hyperparameters.apply(flags: ["--gamma=3"]) }
    }

    @Test("every default lies in its own valid range, and every Q-method reads γ")
    func tableIsConsistent() {
        for algorithm in AlgorithmRegistry.all {
            for (key, value) in algorithm.defaults {
                #expect(HyperparameterSpec.spec(for: key).accepts(value), "\(key.rawValue) default \(value) for \(algorithm)")
            }
        }
        #expect(Set(HyperparameterSpec.table.map(\.key)) == Set(HyperparameterKey.allCases))
        #expect(Set(HyperparameterSpec.spec(for: .gamma).algorithms) == Set(AlgorithmRegistry.names))
    }

    @Test("saved hyperparameters rebuild the same values")
    func roundTrip() throws {
        var hyperparameters = Hyperparameters(defaultsFor: .dqn)
        try hyperparameters.set(.targetPeriod, to: 77)
        #expect(try Hyperparameters(algorithm: .dqn, named: hyperparameters.named) == hyperparameters)
    }

    @Test("options an algorithm does not take, and HER without goals, are refused before anything is built")
    func optionErrors() {
        let cartPole = AgentTestSupport.cartPole()
        #expect(throws: AlgorithmError.unsupportedOption(algorithm: "fqi", option: "--double", supported: [])) {
            try AgentTestSupport.agent(.fqi, for: cartPole, options: AgentOptions(double: true))
        }
        #expect(throws: AlgorithmError.hindsightNeedsGoals) {
            try AgentTestSupport.agent(.dqn, for: cartPole, options: AgentOptions(hindsight: .future))
        }
        #expect(throws: AlgorithmError.unknownAlgorithm("ppo", known: AlgorithmRegistry.names)) {
            try AlgorithmRegistry.algorithm(named: "ppo")
        }
        #expect(AlgorithmError.hindsightNeedsGoals.description.contains("goal environment"))
    }
}
