/// RMSProp as PyTorch's `torch.optim.RMSprop` computes it (no weight decay), centered or not, with or
/// without momentum μ:
///
///     s ← α·s + (1 − α)·g²
///     centered:  ḡ ← ḡ + (1 − α)·(g − ḡ),   d = √(s − ḡ²) + ε      (ḡ is PyTorch's `grad_avg`, by `lerp`)
///     otherwise:                            d = √s + ε
///     μ > 0:     b ← μ·b + g/d,   θ ← θ − α_lr·b
///     otherwise:                  θ ← θ − α_lr·g/d
///
/// The MinAtar paper's DQN (Young & Tian 2019, arXiv:1903.03176) trains with centered RMSProp. The authors'
/// `examples/dqn.py` (kenjyoung/MinAtar, read at commit 3f078e5) passes `lr=0.00025`, `alpha=0.95`
/// (SQUARED_GRAD_MOMENTUM), `eps=0.01` (MIN_SQUARED_GRAD), `centered=True` and also `momentum=0.95`
/// (GRAD_MOMENTUM) to `torch.optim.RMSprop`. `RMSProp.minAtarDQN` is issue 22's setting, the first four;
/// `momentum: 0.95` adds the fifth.
///
/// The averages are kept per parameter, in buffers allocated once here.
public final class RMSProp: Optimizer {
    /// The network whose parameters this optimizer updates.
    public let network: any FeedForwardNetwork
    /// The step size.
    public var learningRate: Float
    /// α, the decay of the averages of g² (and of g when centered). A double, as PyTorch takes it: 1 − α is
    /// formed in double and rounded once (0.05 for α = 0.95, where 1 − Float(0.95) is 0.050000012).
    public let alpha: Double
    /// ε, added to the root of the average.
    public let epsilon: Float
    /// μ, the decay of the momentum buffer; 0 takes no momentum.
    public let momentum: Float
    /// Whether the average of g² is centered by the square of the average of g.
    public let centered: Bool
    /// The number of steps taken.
    public internal(set) var stepCount = 0
    private let blocks: [ParameterBlock]
    private let squareAverages: [FloatBuffer]
    private let gradientAverages: [FloatBuffer]
    private let momentumBuffers: [FloatBuffer]

    /// PyTorch's defaults: step size 10⁻², α = 0.99, ε = 10⁻⁸, no momentum, not centered.
    public init(
        network: any FeedForwardNetwork, learningRate: Float = 1e-2, alpha: Double = 0.99, epsilon: Float = 1e-8,
        momentum: Float = 0, centered: Bool = false
    ) {
        precondition(learningRate >= 0 && alpha >= 0 && alpha <= 1 && epsilon >= 0 && momentum >= 0,
                     "RMSProp needs a step size, ε and μ ≥ 0 and α in [0, 1]")
        self.network = network
        self.learningRate = learningRate
        self.alpha = alpha
        self.epsilon = epsilon
        self.momentum = momentum
        self.centered = centered
        blocks = network.parameterBlocks
        squareAverages = blocks.map { FloatBuffer(count: $0.count) }
        gradientAverages = blocks.map { FloatBuffer(count: centered ? $0.count : 0) }
        momentumBuffers = blocks.map { FloatBuffer(count: momentum > 0 ? $0.count : 0) }
    }

    /// The MinAtar paper's DQN optimizer: centered, step size 2.5·10⁻⁴, α = 0.95, ε = 0.01, no momentum.
    public static func minAtarDQN(network: any FeedForwardNetwork) -> RMSProp {
        RMSProp(network: network, learningRate: 2.5e-4, alpha: 0.95, epsilon: 0.01, centered: true)
    }

    /// Applies one update from the gradients of the network's last `backward()`.
    public func step() {
        stepCount += 1
        let decay = SIMD8<Float>(repeating: Float(alpha))
        let rest = SIMD8<Float>(repeating: Float(1 - alpha))
        let eps = SIMD8<Float>(repeating: epsilon)
        let rate = SIMD8<Float>(repeating: learningRate)
        let mu = SIMD8<Float>(repeating: momentum)
        for (index, block) in blocks.enumerated() {
            let parameters = block.parameters.base
            let gradients = block.gradients.base
            let squares = squareAverages[index].base
            let averages = gradientAverages[index].base
            let buffer = momentumBuffers[index].base
            // Zero padding after the last parameter lets the loop round up to whole vectors; there every
            // quantity stays zero (g = 0 gives s = ḡ = b = 0 and a zero step).
            for offset in stride(from: 0, to: block.count, by: 8) {
                let g = SIMD8.load(gradients + offset)
                let square = decay * SIMD8.load(squares + offset) + rest * g * g
                square.store(squares + offset)
                let denominator: SIMD8<Float>
                if centered {
                    let previous = SIMD8.load(averages + offset)
                    let average = previous.addingProduct(rest, g - previous)
                    average.store(averages + offset)
                    denominator = (square - average * average).squareRoot() + eps
                } else {
                    denominator = square.squareRoot() + eps
                }
                let parameter = SIMD8.load(parameters + offset)
                if momentum > 0 {
                    let velocity = mu * SIMD8.load(buffer + offset) + g / denominator
                    velocity.store(buffer + offset)
                    (parameter - rate * velocity).store(parameters + offset)
                } else {
                    (parameter - rate * g / denominator).store(parameters + offset)
                }
            }
        }
    }
}

/// RMSProp's state as PyTorch's `state_dict` holds it: `square_avg`, `grad_avg` when centered and
/// `momentum_buffer` with momentum, and `step` (`StatefulOptimizer`).
extension RMSProp: StatefulOptimizer {
    public var displayName: String { centered ? "centered RMSProp" : "RMSProp" }
    public var trainedNetwork: any FeedForwardNetwork { network }

    public var stateBuffers: [OptimizerStateBuffer] {
        var buffers = [OptimizerStateBuffer(name: "square_avg", blocks: squareAverages, nonNegative: true)]
        if centered { buffers.append(OptimizerStateBuffer(name: "grad_avg", blocks: gradientAverages, nonNegative: false)) }
        if momentum > 0 {
            buffers.append(OptimizerStateBuffer(name: "momentum_buffer", blocks: momentumBuffers, nonNegative: false))
        }
        return buffers
    }

    public func restoreStepCount(_ count: Int) { stepCount = count }
}
