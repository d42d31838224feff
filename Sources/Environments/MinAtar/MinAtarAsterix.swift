import RLCore

/// MinAtar's Asterix: the player moves about rows 1–8 while enemies and gold cross them sideways, one to a row;
/// gold gives +1, an enemy ends the episode. Things enter every few acts at a random edge of a random free row,
/// and with difficulty ramping they come more often and move faster every 102 acts (docs/MINATAR.md).
public struct MinAtarAsterix: MinAtarGame {
    public static let name = "asterix"
    public static let channelNames = ["player", "enemy", "trail", "gold"]
    public static let maximumReward = 1.0
    private static let size = MinAtarCanvas.size
    private static let rows = 1...8
    private static let firstSpawnInterval = 10
    private static let firstMoveInterval = 5
    private static let rampInterval = 102

    /// What crosses one row.
    private struct Crosser {
        var x: Int
        /// +1 to the right, −1 to the left.
        var direction: Int
        var isGold: Bool
    }

    private var crossers = [Crosser?](repeating: nil, count: size)
    private var playerX = 0
    private var playerY = 0
    private var spawnInterval = 0
    private var spawnCountdown = 0
    private var moveInterval = 0
    private var moveCountdown = 0
    private var rampCountdown = 0
    private var ramps = 0
    public private(set) var isTerminal = false

    public init() {}

    public mutating func reset(random: inout NumpyRandomState) {
        for row in crossers.indices {
            crossers[row] = nil
        }
        playerX = 5
        playerY = 5
        spawnInterval = Self.firstSpawnInterval
        spawnCountdown = Self.firstSpawnInterval
        moveInterval = Self.firstMoveInterval
        moveCountdown = Self.firstMoveInterval
        rampCountdown = Self.rampInterval
        ramps = 0
        isTerminal = false
    }

    public mutating func act(_ action: MinAtarAction, random: inout NumpyRandomState, ramping: Bool) -> Double {
        guard !isTerminal else { return 0 }
        if ramping && rampCountdown == 0 {
            rampCountdown = Self.rampInterval
            spawnInterval = max(1, spawnInterval - 1)
            if ramps % 2 == 1 { moveInterval = max(1, moveInterval - 1) }
            ramps += 1
        }
        switch action {
        case .left: playerX = max(0, playerX - 1)
        case .right: playerX = min(Self.size - 1, playerX + 1)
        case .up: playerY = max(Self.rows.lowerBound, playerY - 1)
        case .down: playerY = min(Self.rows.upperBound, playerY + 1)
        default: break
        }
        if spawnCountdown == 0 {
            spawnCountdown = spawnInterval
            spawn(random: &random)
        }
        var reward = meetPlayer()
        if moveCountdown == 0 {
            moveCountdown = moveInterval
            for row in Self.rows {
                guard var crosser = crossers[row] else { continue }
                crosser.x += crosser.direction
                crossers[row] = (0..<Self.size).contains(crosser.x) ? crosser : nil
            }
            reward += meetPlayer()
        }
        spawnCountdown -= 1
        moveCountdown -= 1
        rampCountdown -= 1
        return reward
    }

    public func draw(on canvas: MinAtarCanvas) {
        canvas.mark(y: playerY, x: playerX, channel: 0)
        for row in Self.rows {
            guard let crosser = crossers[row] else { continue }
            canvas.mark(y: row, x: crosser.x, channel: crosser.isGold ? 3 : 1)
            let trail = crosser.x - crosser.direction
            if (0..<Self.size).contains(trail) { canvas.mark(y: row, x: trail, channel: 2) }
        }
    }

    /// Direction (rand() < 0.5: from the left edge), kind (rand() < 1/3: gold), then the row among the free ones.
    private mutating func spawn(random: inout NumpyRandomState) {
        let fromLeft = random.rand() < 0.5
        let isGold = random.rand() < 1.0 / 3
        let freeRows = Self.rows.count { crossers[$0] == nil }
        guard freeRows > 0 else { return }
        var pick = random.randint(freeRows)
        for row in Self.rows where crossers[row] == nil {
            if pick == 0 {
                crossers[row] = Crosser(x: fromLeft ? 0 : Self.size - 1, direction: fromLeft ? 1 : -1, isGold: isGold)
                return
            }
            pick -= 1
        }
    }

    /// Gold on the player's cell is taken (+1); an enemy there ends the game.
    private mutating func meetPlayer() -> Double {
        guard let crosser = crossers[playerY], crosser.x == playerX else { return 0 }
        if crosser.isGold {
            crossers[playerY] = nil
            return 1
        }
        isTerminal = true
        return 0
    }
}

extension MinAtarAsterix {
    public func saveState(into part: inout StatePart) {
        part.set("crosser_present", flags: crossers.map { $0 != nil })
        part.set("crosser_x", integers: crossers.map { $0?.x ?? 0 })
        part.set("crosser_direction", integers: crossers.map { $0?.direction ?? 1 })
        part.set("crosser_gold", flags: crossers.map { $0?.isGold ?? false })
        part.set("player", integers: [playerX, playerY])
        part.set("counters", integers: [spawnInterval, spawnCountdown, moveInterval, moveCountdown, rampCountdown, ramps])
        part.set("terminal", flags: [isTerminal])
    }

    public mutating func restoreState(from part: StatePart) throws(StatePartError) {
        let present = try part.flags("crosser_present", count: Self.size)
        let xs = try part.integers("crosser_x", count: Self.size, in: 0...(Self.size - 1))
        let directions = try part.integers("crosser_direction", count: Self.size, in: -1...1)
        let gold = try part.flags("crosser_gold", count: Self.size)
        let player = try part.integers("player", count: 2, in: 0...(Self.size - 1))
        let counters = try part.integers("counters", count: 6, in: Int.min...Int.max)
        let terminal = try part.flags("terminal", count: 1)[0]
        crossers = (0..<Self.size).map {
            present[$0] ? Crosser(x: xs[$0], direction: directions[$0], isGold: gold[$0]) : nil
        }
        (self.playerX, playerY) = (player[0], player[1])
        (spawnInterval, spawnCountdown, moveInterval, moveCountdown, rampCountdown, ramps) =
            (counters[0], counters[1], counters[2], counters[3], counters[4], counters[5])
        isTerminal = terminal
    }
}
