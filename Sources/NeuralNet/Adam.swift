import Foundation

/// Adam (Kingma & Ba 2015) exactly as PyTorch's `torch.optim.Adam` computes it (no weight decay):
///
///     m ← β₁·m + (1 − β₁)·g,    v ← β₂·v + (1 − β₂)·g²
///     θ ← θ − (α / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
///
/// (dividing by √(1 − β₂ᵗ) is done as a multiplication by its reciprocal, computed once per step in double:
/// a rounding-level difference that saves a vector division per eight parameters).
///
/// The moments m and v are kept per parameter, in buffers allocated once here.
public final class Adam: Optimizer {
    /// The network whose parameters this optimizer updates (and whose moments it keeps).
    public let network: MLP
    /// α.
    public var learningRate: Float
    /// β₁, the decay of the first-moment average.
    public let beta1: Float
    /// β₂, the decay of the second-moment average.
    public let beta2: Float
    /// ε, added to √v̂ to keep the step finite.
    public let epsilon: Float
    /// The number of steps taken, t.
    public internal(set) var stepCount = 0
    let firstMoment: FloatBuffer
    let secondMoment: FloatBuffer

    /// PyTorch's defaults: α = 10⁻³, β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸.
    public init(
        network: MLP, learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8
    ) {
        self.network = network
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        firstMoment = FloatBuffer(count: network.parameterCount)
        secondMoment = FloatBuffer(count: network.parameterCount)
    }

    /// Applies one Adam update from the gradients of the network's last `backward()`.
    public func step() {
        stepCount += 1
        let t = Double(stepCount)
        let correction1 = 1 - pow(Double(beta1), t)
        let correction2 = 1 - pow(Double(beta2), t)
        let stepSize = SIMD8<Float>(repeating: Float(Double(learningRate) / correction1))
        let inverseRootCorrection2 = SIMD8<Float>(repeating: Float(1 / correction2.squareRoot()))
        let b1 = SIMD8<Float>(repeating: beta1)
        let b2 = SIMD8<Float>(repeating: beta2)
        let oneMinusB1 = SIMD8<Float>(repeating: 1 - beta1)
        let oneMinusB2 = SIMD8<Float>(repeating: 1 - beta2)
        let eps = SIMD8<Float>(repeating: epsilon)
        let parameters = network.parameters.base
        let gradients = network.gradients.base
        let m = firstMoment.base
        let v = secondMoment.base
        // Zero padding after the last parameter lets the loop round up to whole vectors; there g = m = v = 0,
        // so the padding stays zero.
        for index in stride(from: 0, to: network.parameterCount, by: 8) {
            let g = SIMD8.load(gradients + index)
            let mNew = b1 * SIMD8.load(m + index) + oneMinusB1 * g
            let vNew = b2 * SIMD8.load(v + index) + oneMinusB2 * g * g
            mNew.store(m + index)
            vNew.store(v + index)
            let denominator = vNew.squareRoot() * inverseRootCorrection2 + eps
            (SIMD8.load(parameters + index) - stepSize * mNew / denominator).store(parameters + index)
        }
    }
}
