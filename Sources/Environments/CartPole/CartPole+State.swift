extension CartPole {
    /// The physical state of the cart and pole in doubles, in gymnasium's order [x, ẋ, θ, θ̇].
    public struct State: Sendable, Equatable {
        /// Cart position (m), positive to the right.
        public var x: Double
        /// Cart velocity (m/s).
        public var xDot: Double
        /// Pole angle from upright (rad), positive when leaning right.
        public var theta: Double
        /// Pole angular velocity (rad/s).
        public var thetaDot: Double

        public init(x: Double, xDot: Double, theta: Double, thetaDot: Double) {
            self.x = x
            self.xDot = xDot
            self.theta = theta
            self.thetaDot = thetaDot
        }

        /// gymnasium's names of the components, in order (used when reporting a component by index).
        public static let componentNames = ["x", "x_dot", "theta", "theta_dot"]

        /// The components in gymnasium's order, x, ẋ, θ, θ̇.
        public var components: [Double] { [x, xDot, theta, thetaDot] }

        /// A state from its four components in gymnasium's order.
        public init(components: [Double]) {
            precondition(components.count == 4, "a CartPole state has 4 components, got \(components.count)")
            self.init(x: components[0], xDot: components[1], theta: components[2], thetaDot: components[3])
        }
    }
}
