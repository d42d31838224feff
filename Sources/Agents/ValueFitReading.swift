/// The sizes of a value function's last fitting step, which the training loop's divergence watchdog reads:
/// the largest |prediction| (|Q(sᵢ,aᵢ)| before the step, or |V(sᵢ)|) and the largest |target| |yᵢ| over
/// the step's rows, and the step's regression loss. Plain numbers, so reading them allocates nothing.
public struct ValueFitReading: Equatable, Sendable {
    /// The function fitted: "Q" or "V".
    public var symbol: String
    public var largestPrediction: Float
    public var largestTarget: Float
    public var loss: Float

    public init(symbol: String, largestPrediction: Float, largestTarget: Float, loss: Float) {
        self.symbol = symbol
        self.largestPrediction = largestPrediction
        self.largestTarget = largestTarget
        self.loss = loss
    }
}
