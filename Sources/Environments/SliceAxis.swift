/// One axis of a value view's two-dimensional slice through a continuous state space: which component of the
/// environment's state varies along it, what it is called on screen, and the evenly spaced points it takes.
public struct SliceAxis: Sendable, Equatable {
    /// Its label, e.g. `x` or `θ̇₁`.
    public let name: String
    /// The index of the component in the environment's state (`TraceableState.components`), so the view can
    /// mark where the current state lies.
    public let stateComponent: Int
    /// From the first point to the last.
    public let range: ClosedRange<Double>
    public let count: Int

    public init(name: String, stateComponent: Int, range: ClosedRange<Double>, count: Int) {
        self.name = name
        self.stateComponent = stateComponent
        self.range = range
        self.count = count
    }

    /// The `index`-th of `count` evenly spaced points from the low end of the range to its high end.
    public func point(_ index: Int) -> Double {
        count > 1 ? range.lowerBound + (range.upperBound - range.lowerBound) * Double(index) / Double(count - 1)
            : range.lowerBound
    }
}
