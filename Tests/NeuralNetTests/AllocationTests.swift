import CMallocCounter
import RLCore
import Testing

@testable import NeuralNet

/// Off glibc (or under a sanitizer) the counter cannot interpose malloc, so the suite is skipped, saying why.
@Suite("Steady-state training allocates nothing",
       .enabled(if: rlterm_malloc_counting_available(),
                "malloc counting needs glibc's allocator (Linux, no sanitizer); not checked here"))
struct AllocationTests {
    @Test("the allocation counter sees an allocation on this thread")
    func counterWorks() {
        rlterm_malloc_counter_start()
        let buffer = FloatBuffer(count: 1000)
        let allocations = rlterm_malloc_counter_stop()
        #expect(buffer.count == 1000)
        // At least the float storage (the optimiser may put the instance itself on the stack).
        #expect(allocations >= 1)
    }

    @Test(
        "a full DQN-style update (target forward, forward, weighted Huber, backward, clip, Adam, Polyak) makes no heap allocation",
        // The second network's middle layer is wide enough for ∂L/∂x through transposes of g at batch 32.
        arguments: [[6, 40, 24, 3], [6, 80, 72, 3]]
    )
    func updateAllocatesNothing(sizes: [Int]) {
        let batch = 32
        let online = TestData.network(sizes, seed: 80)
        let target = TestData.network(sizes, seed: 80)
        let actor = TestData.network([6, 16, 3], .tanh, seed: 81)
        let adam = Adam(network: online)
        let sgd = SGD(network: actor, learningRate: 0.01)
        let observations = TestData.uniform(batch * 6, seed: 82)
        let next = TestData.uniform(batch * 6, seed: 83)
        let actions = TestData.integers(batch, below: 3, seed: 84)
        let rewards = TestData.uniform(batch, seed: 85)
        let weights = TestData.uniform(batch, seed: 86).map { 1 + 0.5 * $0 }
        var targets = [Float](repeating: 0, count: batch)
        var generator = Xoshiro256StarStar(seed: 87)
        func update() {
            huberStep(
                online: online, target: target, observations: observations, next: next, actions: actions,
                rewards: rewards, weights: weights, targets: &targets)
            online.clipGradientNorm(maxNorm: 10)
            adam.step()
            target.polyakUpdate(from: online, tau: 0.005)
            let logits = observations.withUnsafeBufferPointer { actor.forward($0, batch: batch) }
            _ = PolicyGradientLoss(entropyCoefficient: 0.01).evaluate(
                logits: logits, actions: actions, psi: rewards, gradient: actor.outputGradient)
            actor.backward()
            sgd.step()
            _ = Categorical.sample(logits.row(0), generator: &generator)
        }
        for _ in 0..<3 { update() }
        rlterm_malloc_counter_start()
        for _ in 0..<20 { update() }
        let allocations = rlterm_malloc_counter_stop()
        #expect(allocations == 0)
    }

    @Test("the MinAtar DQN update on the convolutional network (target forward, forward, Huber, backward, RMSProp) makes no heap allocation")
    func convolutionalUpdateAllocatesNothing() {
        let batch = 32
        let online = TestData.breakoutNetwork(seed: 90)
        let target = TestData.breakoutNetwork(seed: 91)
        target.copyParameters(from: online)
        let optimizer = RMSProp.minAtarDQN(network: online)
        let observations = TestData.uniform(batch * online.inputSize, seed: 92).map { $0 > 0.5 ? Float(1) : 0 }
        let next = TestData.uniform(batch * online.inputSize, seed: 93).map { $0 > 0.5 ? Float(1) : 0 }
        let actions = TestData.integers(batch, below: 6, seed: 94)
        let rewards = TestData.uniform(batch, seed: 95)
        var targets = [Float](repeating: 0, count: batch)
        func update() {
            huberStep(
                online: online, target: target, observations: observations, next: next, actions: actions,
                rewards: rewards, weights: nil, targets: &targets)
            _ = online.gradientNorm()
            optimizer.step()
            _ = observations.withUnsafeBufferPointer { online.forward(UnsafeBufferPointer(rebasing: $0[0..<400]), batch: 1) }
        }
        for _ in 0..<3 { update() }
        rlterm_malloc_counter_start()
        for _ in 0..<20 { update() }
        let allocations = rlterm_malloc_counter_stop()
        #expect(allocations == 0)
    }

    /// The Q-learning half of a DQN update: y = r + 0.99·maxₐ′ Q(s′, a′; θ⁻) from `target` into `targets`,
    /// then `online`'s forward pass, the Huber loss on Q(s, a) against y and backward.
    private func huberStep<Network: TestNetwork>(
        online: Network, target: Network, observations: [Float], next: [Float], actions: [Int], rewards: [Float],
        weights: [Float]?, targets: inout [Float]
    ) {
        let batch = actions.count
        let nextQ = next.withUnsafeBufferPointer { target.forward($0, batch: batch) }
        for row in 0..<batch {
            targets[row] = rewards[row] + 0.99 * nextQ.row(row).max()!
        }
        let q = observations.withUnsafeBufferPointer { online.forward($0, batch: batch) }
        _ = RegressionLoss.huber.evaluate(
            predictions: q, actions: actions, targets: targets, weights: weights, gradient: online.outputGradient)
        online.backward()
    }
}
