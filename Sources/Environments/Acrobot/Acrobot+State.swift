extension Acrobot {
    /// The links' state in doubles, in gymnasium's order [θ₁, θ₂, θ̇₁, θ̇₂].
    public struct State: Sendable, Equatable {
        /// The first link's angle from hanging straight down (rad), in [−π, π].
        public var theta1: Double
        /// The second link's angle relative to the first (rad), in [−π, π].
        public var theta2: Double
        /// θ̇₁ (rad/s), in ±4π.
        public var theta1Dot: Double
        /// θ̇₂ (rad/s), in ±9π.
        public var theta2Dot: Double

        public init(theta1: Double, theta2: Double, theta1Dot: Double, theta2Dot: Double) {
            self.theta1 = theta1
            self.theta2 = theta2
            self.theta1Dot = theta1Dot
            self.theta2Dot = theta2Dot
        }

        /// Names of the components, in order (used when reporting a component by index).
        public static let componentNames = ["theta1", "theta2", "theta1_dot", "theta2_dot"]

        public var components: [Double] { [theta1, theta2, theta1Dot, theta2Dot] }

        /// A state from its four components in gymnasium's order.
        public init(components: [Double]) {
            precondition(components.count == 4, "an Acrobot state has 4 components, got \(components.count)")
            self.init(theta1: components[0], theta2: components[1], theta1Dot: components[2],
                      theta2Dot: components[3])
        }
    }
}
