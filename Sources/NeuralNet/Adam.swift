import Foundation

/// Adam (Kingma & Ba 2015) exactly as PyTorch's `torch.optim.Adam` computes it (no weight decay):
///
///     m ← β₁·m + (1 − β₁)·g,    v ← β₂·v + (1 − β₂)·g²
///     θ ← θ − (α / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
///
/// The moments m and v are kept per parameter, in buffers allocated once here.
public final class Adam: Optimizer {
    public let network: MLP
    public var learningRate: Float
    public let beta1: Float
    public let beta2: Float
    public let epsilon: Float
    /// The number of steps taken, t.
    public private(set) var stepCount = 0
    private let firstMoment: FloatBuffer
    private let secondMoment: FloatBuffer

    /// PyTorch's defaults: α = 10⁻³, β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸.
    public init(network: MLP, learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8) {
        self.network = network
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        firstMoment = FloatBuffer(count: network.parameterCount)
        secondMoment = FloatBuffer(count: network.parameterCount)
    }

    public func step() {
        stepCount += 1
        let t = Double(stepCount)
        let correction1 = 1 - pow(Double(beta1), t), correction2 = 1 - pow(Double(beta2), t)
        let stepSize = SIMD8<Float>(repeating: Float(Double(learningRate) / correction1))
        let rootCorrection2 = SIMD8<Float>(repeating: Float(correction2.squareRoot()))
        let b1 = SIMD8<Float>(repeating: beta1), b2 = SIMD8<Float>(repeating: beta2)
        let oneMinusB1 = SIMD8<Float>(repeating: 1 - beta1), oneMinusB2 = SIMD8<Float>(repeating: 1 - beta2)
        let eps = SIMD8<Float>(repeating: epsilon)
        let parameters = network.parameters.base, gradients = network.gradients.base
        let m = firstMoment.base, v = secondMoment.base
        // Zero padding after the last parameter lets the loop round up to whole vectors; there g = m = v = 0,
        // so the padding stays zero.
        for index in stride(from: 0, to: network.parameterCount, by: 8) {
            let g = SIMD8.load(gradients + index)
            let mNew = b1 * SIMD8.load(m + index) + oneMinusB1 * g
            let vNew = b2 * SIMD8.load(v + index) + oneMinusB2 * g * g
            mNew.store(m + index)
            vNew.store(v + index)
            let denominator = vNew.squareRoot() / rootCorrection2 + eps
            (SIMD8.load(parameters + index) - stepSize * mNew / denominator).store(parameters + index)
        }
    }
}
