import RLCore

/// MinAtar's Space Invaders: a cannon on the bottom row shoots a block of 4 × 6 aliens that marches sideways and
/// steps down at the walls, +1 an alien. The aliens shoot back; the episode ends when their bullet or an alien
/// reaches the cannon, or when they step down past the bottom row. A cleared block comes back faster with
/// difficulty ramping (docs/MINATAR.md has the exact rules).
public struct MinAtarSpaceInvaders: MinAtarGame {
    public static let name = "space_invaders"
    public static let channelNames = [
        "cannon", "alien", "alien_left", "alien_right", "friendly_bullet", "enemy_bullet",
    ]
    public static let maximumReward = 1.0
    private static let size = MinAtarCanvas.size
    private static let bottom = size - 1
    /// Acts between two alien moves in the first block; each block cleared with ramping takes one off.
    private static let firstMoveInterval = 12
    /// The fastest a rebuilt block marches (no recorded episode clears enough blocks to reach it).
    private static let fastestMoveInterval = 6
    /// Acts between two alien shots, and between two cannon shots.
    private static let alienShotInterval = 10
    private static let cannonShotInterval = 5

    private var aliens = [Bool](repeating: false, count: size * size)
    private var friendlyBullets = [Bool](repeating: false, count: size * size)
    private var enemyBullets = [Bool](repeating: false, count: size * size)
    private var cannon = 0
    /// −1 marching left, +1 right.
    private var direction = -1
    private var moveInterval = 0
    private var moveCountdown = 0
    private var alienShotCountdown = 0
    private var cannonShotCountdown = 0
    public private(set) var isTerminal = false

    public init() {}

    public mutating func reset(random: inout NumpyRandomState) {
        fillAliens()
        for cell in friendlyBullets.indices {
            friendlyBullets[cell] = false
            enemyBullets[cell] = false
        }
        cannon = 5
        direction = -1
        moveInterval = Self.firstMoveInterval
        moveCountdown = Self.firstMoveInterval
        alienShotCountdown = Self.alienShotInterval
        cannonShotCountdown = 0
        isTerminal = false
    }

    public mutating func act(_ action: MinAtarAction, random: inout NumpyRandomState, ramping: Bool) -> Double {
        guard !isTerminal else { return 0 }
        switch action {
        case .fire where cannonShotCountdown == 0:
            friendlyBullets[Self.cell(Self.bottom, cannon)] = true
            cannonShotCountdown = Self.cannonShotInterval
        case .left: cannon = max(0, cannon - 1)
        case .right: cannon = min(Self.size - 1, cannon + 1)
        default: break
        }
        if aliens[Self.cell(Self.bottom, cannon)] { isTerminal = true }
        moveBulletsOneRow()
        if enemyBullets[Self.cell(Self.bottom, cannon)] { isTerminal = true }
        let alienCount = aliens.count { $0 }
        moveCountdown = min(moveCountdown, alienCount)
        if moveCountdown == 0 {
            moveCountdown = min(moveInterval, alienCount)
            marchAliens()
        }
        if alienShotCountdown == 0 {
            alienShotCountdown = Self.alienShotInterval
            alienShoots()
        }
        if aliens[Self.cell(Self.bottom, cannon)] { isTerminal = true }
        var reward = 0.0
        for cell in aliens.indices where aliens[cell] && friendlyBullets[cell] {
            aliens[cell] = false
            friendlyBullets[cell] = false
            reward += 1
        }
        if !aliens.contains(true) {
            fillAliens()
            if ramping && moveInterval > Self.fastestMoveInterval { moveInterval -= 1 }
        }
        moveCountdown -= 1
        alienShotCountdown -= 1
        if cannonShotCountdown > 0 { cannonShotCountdown -= 1 }
        return reward
    }

    public func draw(on canvas: MinAtarCanvas) {
        canvas.mark(y: Self.bottom, x: cannon, channel: 0)
        let directionChannel = direction < 0 ? 2 : 3
        for cell in aliens.indices {
            let (y, x) = (cell / Self.size, cell % Self.size)
            if aliens[cell] {
                canvas.mark(y: y, x: x, channel: 1)
                canvas.mark(y: y, x: x, channel: directionChannel)
            }
            if friendlyBullets[cell] { canvas.mark(y: y, x: x, channel: 4) }
            if enemyBullets[cell] { canvas.mark(y: y, x: x, channel: 5) }
        }
    }

    private static func cell(_ y: Int, _ x: Int) -> Int { y * size + x }

    private mutating func fillAliens() {
        for cell in aliens.indices {
            aliens[cell] = (0...3).contains(cell / Self.size) && (2...7).contains(cell % Self.size)
        }
    }

    /// The cannon's bullets rise one row and the aliens' fall one; those that leave the grid are gone.
    private mutating func moveBulletsOneRow() {
        for y in 0..<Self.bottom {
            for x in 0..<Self.size {
                friendlyBullets[Self.cell(y, x)] = friendlyBullets[Self.cell(y + 1, x)]
                enemyBullets[Self.cell(Self.bottom - y, x)] = enemyBullets[Self.cell(Self.bottom - y - 1, x)]
            }
        }
        for x in 0..<Self.size {
            friendlyBullets[Self.cell(Self.bottom, x)] = false
            enemyBullets[Self.cell(0, x)] = false
        }
    }

    /// One step sideways, or at a wall a turn and one row down. Stepping down past the bottom ends the game;
    /// the block wraps round to the top row as MinAtar draws it.
    private mutating func marchAliens() {
        let wall = direction < 0 ? 0 : Self.size - 1
        if (0..<Self.size).contains(where: { aliens[Self.cell($0, wall)] }) {
            direction = -direction
            if (0..<Self.size).contains(where: { aliens[Self.cell(Self.bottom, $0)] }) { isTerminal = true }
            for x in 0..<Self.size {
                let wrapped = aliens[Self.cell(Self.bottom, x)]
                for y in stride(from: Self.bottom, to: 0, by: -1) {
                    aliens[Self.cell(y, x)] = aliens[Self.cell(y - 1, x)]
                }
                aliens[Self.cell(0, x)] = wrapped
            }
        } else {
            for y in 0..<Self.size {
                let first = direction > 0 ? Self.size - 1 : 0
                let wrapped = aliens[Self.cell(y, first)]
                for step in 0..<(Self.size - 1) {
                    let x = direction > 0 ? Self.size - 1 - step : step
                    aliens[Self.cell(y, x)] = aliens[Self.cell(y, x - direction)]
                }
                aliens[Self.cell(y, Self.size - 1 - first)] = wrapped
            }
        }
    }

    /// The lowest alien of the column nearest the cannon (the left one of two as near) drops a bullet in its cell.
    private mutating func alienShoots() {
        var shooter: (x: Int, distance: Int)?
        for x in 0..<Self.size where (0..<Self.size).contains(where: { aliens[Self.cell($0, x)] }) {
            let distance = abs(x - cannon)
            if shooter == nil || distance < shooter!.distance { shooter = (x, distance) }
        }
        guard let x = shooter?.x,
              let y = (0..<Self.size).last(where: { aliens[Self.cell($0, x)] }) else { return }
        enemyBullets[Self.cell(y, x)] = true
    }
}

extension MinAtarSpaceInvaders {
    public func saveState(into part: inout StatePart) {
        part.set("aliens", flags: aliens)
        part.set("friendly_bullets", flags: friendlyBullets)
        part.set("enemy_bullets", flags: enemyBullets)
        part.set("cannon", integer: cannon)
        part.set("direction", integers: [direction])
        part.set("counters", integers: [moveInterval, moveCountdown, alienShotCountdown, cannonShotCountdown])
        part.set("terminal", flags: [isTerminal])
    }

    public mutating func restoreState(from part: StatePart) throws(StatePartError) {
        let cells = Self.size * Self.size
        let aliens = try part.flags("aliens", count: cells)
        let friendly = try part.flags("friendly_bullets", count: cells)
        let enemy = try part.flags("enemy_bullets", count: cells)
        let cannon = try part.minAtarCoordinate("cannon")
        let direction = try part.integers("direction", count: 1, in: -1...1)[0]
        let counters = try part.integers("counters", count: 4, in: Int.min...Int.max)
        let terminal = try part.flags("terminal", count: 1)[0]
        (self.aliens, friendlyBullets, enemyBullets) = (aliens, friendly, enemy)
        (self.cannon, self.direction, isTerminal) = (cannon, direction, terminal)
        (moveInterval, moveCountdown, alienShotCountdown, cannonShotCountdown) = (counters[0], counters[1], counters[2], counters[3])
    }
}
