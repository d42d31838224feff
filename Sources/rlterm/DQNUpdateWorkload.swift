import Agents
import NeuralNet
import RLCore

/// One DQN gradient step exactly as `DQNAgent` takes it, through the same `QFunction`, on a fixed synthetic
/// minibatch: targets y = r + γ·(1 − terminated)·maxₐ′ Q(s′, a′; θ⁻) from the target network, forward on the
/// observations, Huber loss on Q(s, a; θ) against y, backward, gradient-norm clipping, Adam step.
/// Sampling from replay and moving θ⁻ are left out, as in the PyTorch step `benchmarks/pytorch_dqn_update.py`
/// performs beside it.
final class DQNUpdateWorkload {
    let sizes: [Int]
    private let qFunction: QFunction
    private let batch: ReplayBatch

    /// DQN's defaults for what the timed step reads besides the network: γ and the clipping threshold.
    private static let gamma = 0.99
    private static let maxGradientNorm = 10.0

    /// `sizes` are the layer widths, input first; the hidden layers must share one width, as DQN's do.
    init(sizes: [Int], batch rows: Int, seed: RunSeed) {
        precondition(sizes.count >= 3 && Set(sizes.dropFirst().dropLast()).count == 1,
                     "a Q-network has hidden layers of one width")
        self.sizes = sizes
        let observationCount = sizes[0]
        let actionCount = sizes[sizes.count - 1]
        var generator = seed.generator(for: "bench.init")
        qFunction = QFunction(observationCount: observationCount, actionCount: actionCount, hiddenSize: sizes[1],
                              hiddenLayers: sizes.count - 2, learningRate: 1e-4, loss: .huber, separateTarget: true,
                              batchSize: rows, generator: &generator)
        // The minibatch is drawn once, the way the agent draws one, from a memory of `rows` random transitions.
        var data = seed.generator(for: "bench.data")
        let memory = ReplayBuffer(capacity: rows, observationCount: observationCount)
        for _ in 0..<rows {
            let observation = (0..<observationCount).map { _ in Float(data.uniform(-1, 1)) }
            let nextObservation = (0..<observationCount).map { _ in Float(data.uniform(-1, 1)) }
            memory.add(Transition(observation: observation, action: data.uniformInt(below: actionCount),
                                  reward: Float(data.uniform(-1, 1)), nextObservation: nextObservation,
                                  terminated: data.bernoulli(0.05), truncated: false))
        }
        var batch = ReplayBatch(size: rows, observationCount: observationCount)
        memory.sample(into: &batch, using: &data)
        self.batch = batch
    }

    /// "4x64x64x2", the architecture as the figures name it.
    var architecture: String { sizes.map(String.init).joined(separator: "x") }

    /// Floating-point operations of one update's matrix products, 2 per multiply-add: two forward passes
    /// (target and online), ∂L/∂W for every layer and ∂L/∂x for every layer but the first. Elementwise work
    /// (bias, activation, loss, clipping, Adam) is not counted.
    var flopsPerUpdate: Double {
        var forward = 0
        var inputGradients = 0
        for layer in 0..<(sizes.count - 1) {
            let products = batch.size * sizes[layer] * sizes[layer + 1]
            forward += products
            if layer > 0 { inputGradients += products }
        }
        return 2 * Double(3 * forward + inputGradients)
    }

    /// One gradient step; false once the Q-function has refused a non-finite step (the figure would then time
    /// nothing).
    func update() -> Bool {
        qFunction.computeTargets(batch.transitions, gamma: Self.gamma, double: false)
        qFunction.fit(batch.transitions, weights: batch.weights, maxGradientNorm: Self.maxGradientNorm)
        return qFunction.failure == nil
    }

    /// One forward pass of θ on a single observation, as when acting.
    func act() -> Float {
        batch.transitions.observations.withUnsafeBufferPointer {
            qFunction.network.forward(UnsafeBufferPointer(rebasing: $0[0..<sizes[0]]), batch: 1)
        }[0, 0]
    }
}
