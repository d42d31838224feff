import NeuralNet
import RLCore

/// One gradient step of the MinAtar paper's DQN (Young & Tian 2019) on its convolutional Q-network —
/// C × 10 × 10 → conv 16 (3 × 3) → 128 → actions — on a fixed synthetic minibatch: targets
/// y = r + γ·(1 − terminated)·maxₐ′ Q(s′, a′; θ⁻) from the target network, forward on the observations, Huber
/// loss on Q(s, a; θ) against y, backward, centered RMSProp (`RMSProp.minAtarDQN`; the paper clips no
/// gradients). The step is the sequence of NeuralNet calls Agents' `QFunction` makes on that network, written
/// out here on channel-first inputs and without the agent's bookkeeping (TD errors, the explain panel's row,
/// the finiteness guard) so the figure times the network alone, as `benchmarks/pytorch_dqn_update.py` times
/// the same step in PyTorch.
final class ConvolutionalDQNUpdateWorkload {
    let channels: Int
    let actionCount: Int
    let batch: Int
    private let online: ConvolutionalNetwork
    private let target: ConvolutionalNetwork
    private let optimizer: RMSProp
    private let observations: [Float]
    private let nextObservations: [Float]
    private let actions: [Int]
    private let rewards: [Float]
    private let terminated: [Bool]
    private var targets: [Float]

    private static let gamma: Float = 0.99
    private static let side = 10
    private static let filters = 16
    private static let hidden = 128

    init(channels: Int, actions actionCount: Int, batch: Int, seed: RunSeed) {
        self.channels = channels
        self.actionCount = actionCount
        self.batch = batch
        var generator = seed.generator(for: "bench.init")
        online = ConvolutionalNetwork(
            inputChannels: channels, height: Self.side, width: Self.side, filters: Self.filters,
            hiddenSizes: [Self.hidden], outputCount: actionCount, generator: &generator, batchCapacity: batch)
        target = ConvolutionalNetwork(
            inputChannels: channels, height: Self.side, width: Self.side, filters: Self.filters,
            hiddenSizes: [Self.hidden], outputCount: actionCount, generator: &generator, batchCapacity: batch)
        target.copyParameters(from: online)
        optimizer = RMSProp.minAtarDQN(network: online)
        // MinAtar's observations are binary channels, a few cells lit.
        var data = seed.generator(for: "bench.data")
        let count = batch * online.inputSize
        observations = (0..<count).map { _ in data.bernoulli(0.1) ? 1 : 0 }
        nextObservations = (0..<count).map { _ in data.bernoulli(0.1) ? 1 : 0 }
        actions = (0..<batch).map { _ in data.uniformInt(below: actionCount) }
        rewards = (0..<batch).map { _ in data.bernoulli(0.1) ? 1 : 0 }
        terminated = (0..<batch).map { _ in data.bernoulli(0.05) }
        targets = [Float](repeating: 0, count: batch)
    }

    /// "conv4x10x10c16x128x6", the network as the figures name it.
    var architecture: String {
        "conv\(channels)x\(Self.side)x\(Self.side)c\(Self.filters)x\(Self.hidden)x\(actionCount)"
    }

    /// Floating-point operations of one update's products, 2 per multiply-add: two forward passes (target and
    /// online) of the convolution and the dense layers, ∂L/∂W of every layer, and ∂L/∂x of every dense layer
    /// (the first one's feeds the convolution's ∂L/∂W); the convolution has no ∂L/∂x. Elementwise work (bias,
    /// ReLU, loss, RMSProp) is not counted.
    var flopsPerUpdate: Double {
        let convolution = online.convolution
        let convolutionProducts = batch * convolution.outputSize * convolution.inputChannels * 9
        let sizes = online.dense.sizes
        let denseProducts = (0..<(sizes.count - 1)).reduce(0) { $0 + batch * sizes[$1] * sizes[$1 + 1] }
        return 2 * Double(3 * convolutionProducts + 4 * denseProducts)
    }

    /// One gradient step; false when the loss or gradient was not finite (the figure would then time nothing).
    func update() -> Bool {
        let nextQ = nextObservations.withUnsafeBufferPointer { target.forward($0, batch: batch) }
        for row in 0..<batch {
            let bootstrap = terminated[row] ? 0 : nextQ.row(row).max()!
            targets[row] = rewards[row] + Self.gamma * bootstrap
        }
        let q = observations.withUnsafeBufferPointer { online.forward($0, batch: batch) }
        let loss = RegressionLoss.huber.evaluate(
            predictions: q, actions: actions, targets: targets, gradient: online.outputGradient)
        online.backward()
        optimizer.step()
        return loss.isFinite
    }

    /// One forward pass of θ on a single observation, as when acting.
    func act() -> Float {
        observations.withUnsafeBufferPointer {
            online.forward(UnsafeBufferPointer(rebasing: $0[0..<online.inputSize]), batch: 1)
        }[0, 0]
    }
}
