import NeuralNet

/// An agent built around one `QFunction`: acting greedily and the inspection view come from it.
public protocol QFunctionAgent: Agent {
    var qFunction: QFunction { get }
}

extension QFunctionAgent {
    public var observationCount: Int { qFunction.observationCount }
    public var actionCount: Int { qFunction.actionCount }
    public func actGreedily(_ observation: UnsafeBufferPointer<Float>) -> Int { qFunction.greedyAction(observation) }
    public var networks: [String: MLP] { ["q": qFunction.network] }
    public func qValues(for observation: [Float]) -> [Float] { qFunction.values(for: observation) }
    public var lastLoss: Float? { qFunction.lastLoss }
    public var lastTDErrors: [Float] { qFunction.tdErrors }
    public var lastUpdate: UpdateExplanation? { qFunction.lastExplanation }
    public var gradientSteps: Int { qFunction.gradientSteps }
}
