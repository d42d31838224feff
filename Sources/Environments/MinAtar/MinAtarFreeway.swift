import RLCore

/// MinAtar's Freeway: a chicken crosses eight lanes of traffic from the bottom row to the top, +1 a crossing.
/// Each lane's car moves one cell every speed + 1 acts and wraps around; a car on the chicken's cell sends it
/// back to the bottom. The episode ends on the 2,501st act (docs/MINATAR.md has the exact rules).
public struct MinAtarFreeway: MinAtarGame {
    public static let name = "freeway"
    public static let channelNames = ["chicken", "car", "speed1", "speed2", "speed3", "speed4", "speed5"]
    public static let maximumReward = 1.0
    private static let size = MinAtarCanvas.size
    private static let lanes = 8
    private static let chickenX = 4
    /// Acts between two moves of the chicken.
    private static let chickenPause = 3
    /// Acts the episode lasts before the one that ends it.
    private static let duration = 2500

    /// One lane's car; lane i is row i + 1.
    private struct Car {
        var x = 0
        /// Acts left before its next move.
        var countdown = 0
        /// 1 (fastest) to 5: it moves every speed + 1 acts.
        var speed = 1
        /// +1 to the right, −1 to the left.
        var direction = 1
    }

    private var cars = [Car](repeating: Car(), count: lanes)
    private var chickenY = 0
    private var chickenCountdown = 0
    private var actsLeft = 0
    public private(set) var isTerminal = false

    public init() {}

    public mutating func reset(random: inout NumpyRandomState) {
        for lane in cars.indices {
            cars[lane].x = 0
        }
        drawTraffic(random: &random)
        chickenY = Self.size - 1
        chickenCountdown = Self.chickenPause
        actsLeft = Self.duration
        isTerminal = false
    }

    public mutating func act(_ action: MinAtarAction, random: inout NumpyRandomState, ramping: Bool) -> Double {
        guard !isTerminal else { return 0 }
        if chickenCountdown == 0 && (action == .up || action == .down) {
            chickenY = action == .up ? max(0, chickenY - 1) : min(Self.size - 1, chickenY + 1)
            chickenCountdown = Self.chickenPause
        }
        var reward = 0.0
        if chickenY == 0 {
            reward = 1
            chickenY = Self.size - 1
            drawTraffic(random: &random)
        }
        if isHit { chickenY = Self.size - 1 }
        for lane in cars.indices {
            if cars[lane].countdown == 0 {
                cars[lane].countdown = cars[lane].speed
                cars[lane].x = (cars[lane].x + cars[lane].direction + Self.size) % Self.size
                if isHit { chickenY = Self.size - 1 }
            } else {
                cars[lane].countdown -= 1
            }
        }
        if chickenCountdown > 0 { chickenCountdown -= 1 }
        actsLeft -= 1
        if actsLeft < 0 { isTerminal = true }
        return reward
    }

    public func draw(on canvas: MinAtarCanvas) {
        canvas.mark(y: chickenY, x: Self.chickenX, channel: 0)
        for (lane, car) in cars.enumerated() {
            canvas.mark(y: lane + 1, x: car.x, channel: 1)
            canvas.mark(y: lane + 1, x: (car.x - car.direction + Self.size) % Self.size, channel: 1 + car.speed)
        }
    }

    /// A car stands on the chicken's cell.
    private var isHit: Bool {
        (1...Self.lanes).contains(chickenY) && cars[chickenY - 1].x == Self.chickenX
    }

    /// New speeds (all eight drawn first) and directions for every lane, keeping the cars where they are.
    private mutating func drawTraffic(random: inout NumpyRandomState) {
        for lane in cars.indices {
            cars[lane].speed = random.randint(1, 6)
            cars[lane].countdown = cars[lane].speed
        }
        for lane in cars.indices {
            cars[lane].direction = random.rand() < 0.5 ? -1 : 1
        }
    }
}

extension MinAtarFreeway {
    public func saveState(into part: inout StatePart) {
        part.set("car_x", integers: cars.map(\.x))
        part.set("car_countdown", integers: cars.map(\.countdown))
        part.set("car_speed", integers: cars.map(\.speed))
        part.set("car_direction", integers: cars.map(\.direction))
        part.set("chicken_y", integer: chickenY)
        part.set("chicken_countdown", integer: chickenCountdown)
        part.set("acts_left", integer: actsLeft)
        part.set("terminal", flags: [isTerminal])
    }

    public mutating func restoreState(from part: StatePart) throws(StatePartError) {
        let xs = try part.integers("car_x", count: Self.lanes, in: 0...(Self.size - 1))
        let countdowns = try part.integers("car_countdown", count: Self.lanes, in: Int.min...Int.max)
        // The speed picks the observation's speed channel, so it must be one of the five.
        let speeds = try part.integers("car_speed", count: Self.lanes, in: 1...5)
        let directions = try part.integers("car_direction", count: Self.lanes, in: -1...1)
        let chickenY = try part.minAtarCoordinate("chicken_y")
        let chickenCountdown = try part.minAtarCounter("chicken_countdown")
        let actsLeft = try part.minAtarCounter("acts_left")
        let terminal = try part.flags("terminal", count: 1)[0]
        cars = (0..<Self.lanes).map {
            Car(x: xs[$0], countdown: countdowns[$0], speed: speeds[$0], direction: directions[$0])
        }
        (self.chickenY, self.chickenCountdown, self.actsLeft, isTerminal) = (chickenY, chickenCountdown, actsLeft, terminal)
    }
}
