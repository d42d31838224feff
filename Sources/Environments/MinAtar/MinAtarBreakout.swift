import RLCore

/// MinAtar's Breakout: a paddle on the bottom row bounces a ball that breaks three rows of bricks, +1 a brick.
/// The ball moves one cell diagonally per act; a wall, the ceiling, a brick or the paddle turns it back. The
/// episode ends when the ball reaches the bottom row past the paddle (docs/MINATAR.md has the exact rules).
public struct MinAtarBreakout: MinAtarGame {
    public static let name = "breakout"
    public static let channelNames = ["paddle", "ball", "trail", "brick"]
    public static let maximumReward = 1.0
    private static let size = MinAtarCanvas.size
    private static let brickRows = 1...3

    private var bricks = [Bool](repeating: false, count: size * size)
    private var paddle = 0
    private var ballX = 0
    private var ballY = 0
    private var directionX = 0
    private var directionY = 0
    private var trailX = 0
    private var trailY = 0
    /// A brick was broken on the last act: on this one the ball passes through bricks.
    private var justBrokeBrick = false
    public private(set) var isTerminal = false

    public init() {}

    public mutating func reset(random: inout NumpyRandomState) {
        fillBricks()
        paddle = 4
        let startsRight = random.randint(2) == 1
        ballX = startsRight ? Self.size - 1 : 0
        ballY = 3
        directionX = startsRight ? -1 : 1
        directionY = 1
        trailX = ballX
        trailY = ballY
        justBrokeBrick = false
        isTerminal = false
    }

    public mutating func act(_ action: MinAtarAction, random: inout NumpyRandomState, ramping: Bool) -> Double {
        guard !isTerminal else { return 0 }
        switch action {
        case .left: paddle = max(0, paddle - 1)
        case .right: paddle = min(Self.size - 1, paddle + 1)
        default: break
        }
        trailX = ballX
        trailY = ballY
        let passesThroughBricks = justBrokeBrick
        justBrokeBrick = false
        var reward = 0.0
        var nextX = ballX + directionX
        var nextY = ballY + directionY
        if !(0..<Self.size).contains(nextX) {
            nextX = min(Self.size - 1, max(0, nextX))
            directionX = -directionX
        }
        if nextY < 0 {
            nextY = 0
            directionY = -directionY
        } else if bricks[nextY * Self.size + nextX] && !passesThroughBricks {
            bricks[nextY * Self.size + nextX] = false
            justBrokeBrick = true
            reward = 1
            nextY = ballY
            directionY = -directionY
        } else if nextY == Self.size - 1 {
            // The paddle under the ball sends it straight back up; under the cell it was heading for, back the
            // way it came. A cleared wall is rebuilt only when the paddle returns the ball.
            let underBall = paddle == ballX
            let underLanding = paddle == nextX
            if underBall || underLanding {
                if !bricks.contains(true) { fillBricks() }
                nextY = ballY
                directionY = -directionY
                if !underBall { directionX = -directionX }
            } else {
                isTerminal = true
            }
        }
        ballX = nextX
        ballY = nextY
        return reward
    }

    public func draw(on canvas: MinAtarCanvas) {
        canvas.mark(y: Self.size - 1, x: paddle, channel: 0)
        canvas.mark(y: ballY, x: ballX, channel: 1)
        canvas.mark(y: trailY, x: trailX, channel: 2)
        for (cell, isBrick) in bricks.enumerated() where isBrick {
            canvas.mark(y: cell / Self.size, x: cell % Self.size, channel: 3)
        }
    }

    private mutating func fillBricks() {
        for cell in bricks.indices {
            bricks[cell] = Self.brickRows.contains(cell / Self.size)
        }
    }
}

extension MinAtarBreakout {
    public func saveState(into part: inout StatePart) {
        part.set("bricks", flags: bricks)
        part.set("paddle_ball_trail", integers: [paddle, ballX, ballY, trailX, trailY])
        part.set("direction", integers: [directionX, directionY])
        part.set("just_broke_brick", flags: [justBrokeBrick])
        part.set("terminal", flags: [isTerminal])
    }

    public mutating func restoreState(from part: StatePart) throws(StatePartError) {
        let bricks = try part.flags("bricks", count: Self.size * Self.size)
        let places = try part.integers("paddle_ball_trail", count: 5, in: 0...(Self.size - 1))
        let direction = try part.integers("direction", count: 2, in: -1...1)
        let justBroke = try part.flags("just_broke_brick", count: 1)[0]
        let terminal = try part.flags("terminal", count: 1)[0]
        self.bricks = bricks
        (paddle, ballX, ballY, trailX, trailY) = (places[0], places[1], places[2], places[3], places[4])
        (directionX, directionY) = (direction[0], direction[1])
        (justBrokeBrick, isTerminal) = (justBroke, terminal)
    }
}
