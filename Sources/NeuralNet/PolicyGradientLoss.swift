import Foundation

/// The policy-gradient surrogate on a categorical policy's logits, with an optional entropy bonus β:
///
///     L = −(1/N)·Σᵢ wᵢ·[log π(aᵢ|sᵢ)·Ψᵢ + β·H(π(·|sᵢ))]
///
/// Ψ is whatever weights the log-probabilities (return, reward-to-go, advantage, TD error); its gradient is
/// the REINFORCE / actor-critic policy gradient. With p = softmax(z):
/// ∂ log π(a)/∂zⱼ = 1[j = a] − pⱼ and ∂H/∂zⱼ = −pⱼ·(log pⱼ + H).
public struct PolicyGradientLoss: Sendable {
    /// β, the weight of the entropy bonus (0 turns it off).
    public var entropyCoefficient: Float

    public init(entropyCoefficient: Float = 0) {
        self.entropyCoefficient = entropyCoefficient
    }

    /// The surrogate's value and the batch's mean entropy (1/N)·Σᵢ H(π(·|sᵢ)), reported for monitoring.
    public struct Result: Sendable, Equatable {
        public var loss: Float
        public var meanEntropy: Float

        public init(loss: Float, meanEntropy: Float) {
            self.loss = loss
            self.meanEntropy = meanEntropy
        }
    }

    /// Evaluates L for `logits` (N × actions), writes ∂L/∂z into `gradient` and returns L.
    public func evaluate(
        logits: MatrixView, actions: [Int], psi: [Float], weights: [Float]? = nil, gradient: MutableMatrixView
    ) -> Result {
        let rows = logits.rows
        let columns = logits.columns
        precondition(actions.count == rows && psi.count == rows, "one action and one Ψ per row are needed")
        precondition(weights == nil || weights!.count == rows, "one weight per row is needed")
        precondition(gradient.rows == rows && gradient.columns == columns, "gradient shape differs")
        let scale = 1 / Float(rows)
        var loss: Float = 0
        var entropySum: Float = 0
        for row in 0..<rows {
            let action = actions[row]
            precondition(action >= 0 && action < columns, "action \(action) out of range")
            let logitRow = logits.row(row)
            let normaliser = Categorical.logSumExp(logitRow)
            var entropy: Float = 0
            for column in 0..<columns {
                let logProbability = logitRow[column] - normaliser
                entropy -= exp(logProbability) * logProbability
            }
            let weight = weights?[row] ?? 1
            loss -= weight * ((logitRow[action] - normaliser) * psi[row] + entropyCoefficient * entropy)
            entropySum += entropy
            let gradientRow = gradient.base + row * columns
            for column in 0..<columns {
                let logProbability = logitRow[column] - normaliser
                let probability = exp(logProbability)
                let logProbabilityGradient = (column == action ? 1 : 0) - probability
                let entropyGradient = -probability * (logProbability + entropy)
                gradientRow[column] =
                    -scale * weight * (psi[row] * logProbabilityGradient + entropyCoefficient * entropyGradient)
            }
        }
        return Result(loss: loss * scale, meanEntropy: entropySum * scale)
    }
}
