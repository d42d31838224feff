import RLCore

extension MLP {
    /// Whether `other` has the same layer sizes and activation, so parameters can move between the two.
    public func hasSameArchitecture(as other: MLP) -> Bool {
        sizes == other.sizes && activation == other.activation
    }

    /// Layer `layer`'s weight W[output, input] in PyTorch's [out, in] convention.
    public func weight(layer: Int, output: Int, input: Int) -> Float {
        parameters.base[weightIndex(layer: layer, output: output, input: input)]
    }

    /// Sets layer `layer`'s weight W[output, input].
    public func setWeight(_ value: Float, layer: Int, output: Int, input: Int) {
        parameters.base[weightIndex(layer: layer, output: output, input: input)] = value
    }

    /// Layer `layer`'s bias b[output].
    public func bias(layer: Int, output: Int) -> Float {
        parameters.base[biasOffsets[layer] + output]
    }

    /// Sets layer `layer`'s bias b[output].
    public func setBias(_ value: Float, layer: Int, output: Int) {
        parameters.base[biasOffsets[layer] + output] = value
    }

    /// Makes this network (a target network θ⁻) an exact copy of `source`'s parameters: θ⁻ ← θ.
    public func copyParameters(from source: MLP) {
        precondition(hasSameArchitecture(as: source), "cannot copy \(source.sizes) into \(sizes)")
        parameters.base.update(from: source.parameters.base, count: parameters.count)
    }

    /// Polyak averaging towards `source`: θ⁻ ← τ·θ + (1 − τ)·θ⁻ (τ = 1 copies; small τ tracks slowly).
    public func polyakUpdate(from source: MLP, tau: Float) {
        precondition(hasSameArchitecture(as: source), "cannot average \(source.sizes) into \(sizes)")
        averageParameters(towards: source, tau: tau)
    }

    /// The sum of squared gradient entries, Σ g².
    func squaredGradientNorm() -> Float {
        parameterBlock.squaredGradientSum()
    }

    /// The Euclidean norm of all gradients, ‖g‖₂.
    public func gradientNorm() -> Float {
        squaredGradientNorm().squareRoot()
    }

    func scaleGradients(by factor: Float) {
        parameterBlock.scaleGradients(by: factor)
    }

    /// Global gradient-norm clipping over several networks (as `torch.nn.utils.clip_grad_norm_`): when the
    /// norm ‖g‖₂ of all their gradients together exceeds `maxNorm`, every gradient is scaled by
    /// maxNorm / (‖g‖₂ + 10⁻⁶). Returns ‖g‖₂ before clipping.
    @discardableResult
    public static func clipGradientNorm(of networks: [MLP], maxNorm: Float) -> Float {
        precondition(maxNorm > 0, "the maximum gradient norm must be positive")
        var squared: Float = 0
        for network in networks {
            squared += network.squaredGradientNorm()
        }
        let norm = squared.squareRoot()
        if norm > maxNorm {
            let factor = maxNorm / (norm + 1e-6)
            for network in networks {
                network.scaleGradients(by: factor)
            }
        }
        return norm
    }

    /// Global gradient-norm clipping of this network alone; see `clipGradientNorm(of:maxNorm:)`.
    @discardableResult
    public func clipGradientNorm(maxNorm: Float) -> Float {
        precondition(maxNorm > 0, "the maximum gradient norm must be positive")
        let norm = gradientNorm()
        if norm > maxNorm {
            scaleGradients(by: maxNorm / (norm + 1e-6))
        }
        return norm
    }
}

extension MLP: TrainableNetwork {
    var parameterBlock: ParameterBlock { parameterBlocks[0] }
}

extension MLP: FeedForwardNetwork {
    /// Another MLP of these sizes and activation; its parameters are drawn from a fixed stream, since they are
    /// meant to be overwritten.
    public func makeSibling() -> any FeedForwardNetwork {
        var generator = Xoshiro256StarStar(seed: 0)
        return MLP(sizes: sizes, activation: activation, generator: &generator)
    }

    /// "MLP 4 → 64 → 64 → 2".
    public var architectureSummary: String {
        "MLP " + sizes.map(String.init).joined(separator: " → ")
    }
}
