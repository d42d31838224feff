/// An environment's exact state as gymnasium keeps it: a fixed list of named doubles.
public protocol TraceableState: Sendable, Equatable {
    /// gymnasium's names of the components, in order (used when reporting a component by index).
    static var componentNames: [String] { get }
    /// The components in gymnasium's order.
    var components: [Double] { get }
    /// A state from its components in gymnasium's order.
    init(components: [Double])
}
