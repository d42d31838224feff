@testable import NeuralNet

/// Compares a network's backpropagated gradients with central finite differences,
/// (L(θ + h·eᵢ) − L(θ − h·eᵢ)) / 2h, for every parameter θᵢ.
///
/// Float32 limits the precision of the differences, so the check uses a step h = 2·10⁻³ and compares in
/// two ways that still catch a wrong sign, factor, index or missing term: the relative error of the whole
/// gradient vector, ‖g − ĝ‖ / ‖ĝ‖, and every component against a tolerance scaled by the largest one.
/// A ReLU network is piecewise linear: where a ±h nudge flips some hidden unit across its kink, the
/// difference quotient is not the derivative, so such components are left out (and must stay few).
struct GradientCheck {
    var step: Float = 2e-3
    var relativeTolerance: Float = 1e-2

    struct Result {
        let analytic: [Float]
        let numeric: [Float]
        /// Components whose nudges flipped a hidden ReLU unit.
        let kinks: Int

        var relativeError: Float {
            var difference: Float = 0
            var reference: Float = 0
            for (a, n) in zip(analytic, numeric) {
                difference += (a - n) * (a - n)
                reference += n * n
            }
            return (difference / max(reference, 1e-30)).squareRoot()
        }

        /// The largest |gᵢ − ĝᵢ| relative to maxᵢ |ĝᵢ|.
        var worstComponentError: Float {
            let scale = numeric.map(abs).max() ?? 0
            return zip(analytic, numeric).map { abs($0 - $1) }.max()! / max(scale, 1e-30)
        }

        var largestMagnitude: Float { numeric.map(abs).max() ?? 0 }
    }

    /// `evaluate` runs the forward pass and the loss, writes ∂L/∂output into `network.outputGradient`
    /// and returns L.
    func run(_ network: MLP, evaluate: (MLP) -> Float) -> Result {
        run(
            blocks: [network.parameterBlock], backward: network.backward, activePattern: { activePattern(network) },
            evaluate: { evaluate(network) })
    }

    /// The check over every parameter of `blocks`: `evaluate` runs the forward pass and the loss, writes
    /// ∂L/∂output and returns L; `backward` fills the blocks' gradients; `activePattern` says which ReLU units
    /// the last forward pass left active.
    func run(
        blocks: [ParameterBlock], backward: () -> Void, activePattern: () -> [Bool], evaluate: () -> Float
    ) -> Result {
        _ = evaluate()
        backward()
        let pattern = activePattern()
        var analytic: [Float] = []
        var numeric: [Float] = []
        var kinks = 0
        for block in blocks {
            for index in 0..<block.count {
                let saved = block.parameters.base[index]
                block.parameters.base[index] = saved + step
                let plus = Double(evaluate())
                let plusPattern = activePattern()
                block.parameters.base[index] = saved - step
                let minus = Double(evaluate())
                let minusPattern = activePattern()
                block.parameters.base[index] = saved
                if plusPattern != pattern || minusPattern != pattern {
                    kinks += 1
                    continue
                }
                analytic.append(block.gradients.base[index])
                numeric.append(Float((plus - minus) / (2 * Double(step))))
            }
        }
        return Result(analytic: analytic, numeric: numeric, kinks: kinks)
    }

    /// Which hidden ReLU units are active in the last forward pass (empty for tanh, which has no kink).
    func activePattern(_ network: MLP) -> [Bool] {
        guard network.activation == .relu else { return [] }
        return (0..<(network.layerCount - 1)).flatMap { layer in
            (0..<(network.batch * network.sizes[layer + 1])).map { network.outputs[layer].base[$0] > 0 }
        }
    }

    func passes(_ result: Result) -> Bool {
        result.largestMagnitude > 1e-3 && result.kinks * 20 < result.numeric.count
            && result.relativeError < relativeTolerance
            && result.worstComponentError < 2 * relativeTolerance
    }
}
