import NeuralNet
import RLCore

/// One DQN gradient step as PyTorch-based tools (CleanRL, Stable-Baselines3) do it, on synthetic data:
/// target-network forward on the next observations, y = r + γ·(1 − done)·maxₐ′ Q(s′, a′; θ⁻), forward on
/// the observations, Huber loss on Q(s, a; θ) against y, backward, Adam step. `benchmarks/pytorch_dqn_update.py`
/// performs the same step in PyTorch.
final class DQNUpdateWorkload {
    let sizes: [Int]
    let batch: Int
    private let online: MLP
    private let target: MLP
    private let adam: Adam
    private let observations: [Float]
    private let nextObservations: [Float]
    private let actions: [Int]
    private let rewards: [Float]
    private let notDone: [Float]
    private var targets: [Float]

    init(sizes: [Int], batch: Int, seed: RunSeed) {
        self.sizes = sizes
        self.batch = batch
        var generator = seed.generator(for: "bench.init")
        online = MLP(sizes: sizes, activation: .relu, generator: &generator, batchCapacity: batch)
        target = MLP(sizes: sizes, activation: .relu, generator: &generator, batchCapacity: batch)
        target.copyParameters(from: online)
        adam = Adam(network: online, learningRate: 1e-4)
        var data = seed.generator(for: "bench.data")
        let inputs = sizes[0], actionCount = sizes[sizes.count - 1]
        observations = (0..<(batch * inputs)).map { _ in Float(data.uniform(-1, 1)) }
        nextObservations = (0..<(batch * inputs)).map { _ in Float(data.uniform(-1, 1)) }
        actions = (0..<batch).map { _ in data.uniformInt(below: actionCount) }
        rewards = (0..<batch).map { _ in Float(data.uniform(-1, 1)) }
        notDone = (0..<batch).map { _ in data.bernoulli(0.05) ? 0 : 1 }
        targets = [Float](repeating: 0, count: batch)
    }

    /// "4x64x64x2", the architecture as the figures name it.
    var architecture: String { sizes.map(String.init).joined(separator: "x") }

    /// Floating-point operations of one update's matrix products, 2 per multiply-add: two forward passes
    /// (target and online), ∂L/∂W for every layer and ∂L/∂x for every layer but the first. Elementwise work
    /// (bias, activation, loss, Adam) is not counted.
    var flopsPerUpdate: Double {
        var forward = 0, inputGradients = 0
        for layer in 0..<(sizes.count - 1) {
            let products = batch * sizes[layer] * sizes[layer + 1]
            forward += products
            if layer > 0 { inputGradients += products }
        }
        return 2 * Double(3 * forward + inputGradients)
    }

    func update() {
        let nextQ = nextObservations.withUnsafeBufferPointer { target.forward($0, batch: batch) }
        for row in 0..<batch {
            targets[row] = rewards[row] + 0.99 * notDone[row] * nextQ.row(row).max()!
        }
        let q = observations.withUnsafeBufferPointer { online.forward($0, batch: batch) }
        _ = RegressionLoss.huber.evaluate(predictions: q, actions: actions, targets: targets, gradient: online.outputGradient)
        online.backward()
        adam.step()
    }

    /// One forward pass on a single observation, as when acting.
    func act() -> Float {
        observations.withUnsafeBufferPointer { online.forward(UnsafeBufferPointer(rebasing: $0[0..<sizes[0]]), batch: 1) }[0, 0]
    }
}
