/// A value view's grid over two components of a continuous state, the others held fixed (MountainCar's
/// position × velocity, an Acrobot θ₁ × θ̇₁ slice): `horizontal` across, low to high, and `vertical` down,
/// its highest point in the top row. Points are numbered row by row from the top left.
public struct StateSlice: Sendable, Equatable {
    public let horizontal: SliceAxis
    public let vertical: SliceAxis
    /// Each action's name on screen (`Q(s,left)`).
    public let actionNames: [String]
    /// Each action's push along the horizontal axis: −1, 0 or +1, drawn as ←, nothing or → in the greedy
    /// action's view.
    public let actionDirections: [Int]

    public init(horizontal: SliceAxis, vertical: SliceAxis, actionNames: [String], actionDirections: [Int]) {
        self.horizontal = horizontal
        self.vertical = vertical
        self.actionNames = actionNames
        self.actionDirections = actionDirections
    }

    public var pointCount: Int { horizontal.count * vertical.count }

    /// The (horizontal, vertical) values of point `index`.
    public func coordinates(of index: Int) -> (horizontal: Double, vertical: Double) {
        (horizontal.point(index % horizontal.count), vertical.point(vertical.count - 1 - index / horizontal.count))
    }
}
