/// A regression loss on the error e = prediction − target, averaged over the batch with optional
/// per-sample weights wᵢ (prioritized replay's importance weights): L = (1/N)·Σᵢ wᵢ·ℓ(eᵢ).
///
/// Each evaluation writes ∂L/∂prediction into a gradient view (usually a network's `outputGradient`) and
/// returns L.
public enum RegressionLoss: String, Sendable, CaseIterable {
    /// ℓ(e) = e², PyTorch's `mse_loss`.
    case meanSquaredError
    /// ℓ(e) = e²/2, the notes' ½‖Q_φ(s,a) − y‖²: its gradient is ∇Q·(Q − y), so a plain step of size α is
    /// exactly the notes' φ ← φ − α·∇Q_φ(s,a)·(Q_φ(s,a) − y).
    case halfSquaredError
    /// Smooth L1 with δ = 1, the DQN error clipping: ℓ(e) = e²/2 for |e| < 1, |e| − 1/2 otherwise
    /// (PyTorch's `smooth_l1_loss` with β = 1 and `huber_loss` with δ = 1); ℓ′(e) = clamp(e, −1, 1).
    case huber

    /// ℓ(e).
    public func value(_ error: Float) -> Float {
        switch self {
        case .meanSquaredError: return error * error
        case .halfSquaredError: return 0.5 * error * error
        case .huber: return abs(error) < 1 ? 0.5 * error * error : abs(error) - 0.5
        }
    }

    /// ℓ′(e).
    public func derivative(_ error: Float) -> Float {
        switch self {
        case .meanSquaredError: return 2 * error
        case .halfSquaredError: return error
        case .huber: return min(max(error, -1), 1)
        }
    }

    /// The loss of every element of `predictions` against `targets` (row-major, same shape), averaged over
    /// all N·C elements as PyTorch's `reduction="mean"` does; `weights` has one entry per row. Use it for a
    /// state-value head (C = 1) or any dense regression.
    public func evaluate(
        predictions: MatrixView, targets: [Float], weights: [Float]? = nil, gradient: MutableMatrixView
    ) -> Float {
        let count = predictions.rows * predictions.columns
        precondition(
            targets.count == count,
            "\(targets.count) targets for \(predictions.rows)×\(predictions.columns) predictions")
        precondition(weights == nil || weights!.count == predictions.rows, "one weight per row is needed")
        precondition(
            gradient.rows == predictions.rows && gradient.columns == predictions.columns, "gradient shape differs")
        let scale = 1 / Float(count)
        var total: Float = 0
        for row in 0..<predictions.rows {
            let weight = weights?[row] ?? 1
            for column in 0..<predictions.columns {
                let index = row * predictions.columns + column
                let error = predictions.base[index] - targets[index]
                total += weight * value(error)
                gradient.base[index] = scale * weight * derivative(error)
            }
        }
        return total * scale
    }

    /// The loss of one chosen entry per row, prediction[i, actions[i]] against targets[i], averaged over the
    /// N rows; the gradient is zero elsewhere. This is the Q-learning loss on the taken actions' Q-values.
    public func evaluate(
        predictions: MatrixView, actions: [Int], targets: [Float], weights: [Float]? = nil, gradient: MutableMatrixView
    ) -> Float {
        let rows = predictions.rows
        precondition(actions.count == rows && targets.count == rows, "one action and one target per row are needed")
        precondition(weights == nil || weights!.count == rows, "one weight per row is needed")
        precondition(gradient.rows == rows && gradient.columns == predictions.columns, "gradient shape differs")
        gradient.zero()
        let scale = 1 / Float(rows)
        var total: Float = 0
        for row in 0..<rows {
            let action = actions[row]
            precondition(action >= 0 && action < predictions.columns, "action \(action) out of range")
            let weight = weights?[row] ?? 1
            let error = predictions.base[row * predictions.columns + action] - targets[row]
            total += weight * value(error)
            gradient.base[row * predictions.columns + action] = scale * weight * derivative(error)
        }
        return total * scale
    }
}
