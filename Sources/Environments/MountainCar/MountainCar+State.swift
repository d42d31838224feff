extension MountainCar {
    /// The car's state in doubles, in gymnasium's order [x, v].
    public struct State: Sendable, Equatable {
        /// Position along the track, in [−1.2, 0.6].
        public var position: Double
        /// Velocity, in [−0.07, 0.07] (position units per step).
        public var velocity: Double

        public init(position: Double, velocity: Double) {
            self.position = position
            self.velocity = velocity
        }

        /// gymnasium's names of the components, in order.
        public static let componentNames = ["position", "velocity"]

        public var components: [Double] { [position, velocity] }

        /// A state from its two components in gymnasium's order.
        public init(components: [Double]) {
            precondition(components.count == 2, "a MountainCar state has 2 components, got \(components.count)")
            self.init(position: components[0], velocity: components[1])
        }
    }
}
