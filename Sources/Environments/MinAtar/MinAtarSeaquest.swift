import RLCore

/// MinAtar's Seaquest: a two-cell submarine in rows 0–8 shoots fish and enemy submarines crossing rows 1–8
/// (+1 each), picks up divers crossing the same rows, and must surface for oxygen. Surfacing with six divers
/// pays one point per lit cell of the oxygen gauge; surfacing with none, running out of oxygen, or touching a
/// fish, an enemy submarine or its bullet ends the episode. With difficulty ramping each surfacing makes
/// enemies come more often and, every second time, move faster (docs/MINATAR.md has the exact rules, each
/// found by probing minatar 1.0.15 as a black box).
public struct MinAtarSeaquest: MinAtarGame {
    public static let name = "seaquest"
    public static let channelNames = [
        "sub_front", "sub_back", "friendly_bullet", "trail", "enemy_bullet", "enemy_fish", "enemy_sub",
        "oxygen_gauge", "diver_gauge", "diver",
    ]
    /// One act's most: a six-diver surfacing pays at most 9 (the tank is below 200 once under water), and at
    /// most two friendly bullets are in flight (fired 6 acts apart, gone within 10) to take an enemy each.
    public static let maximumReward = 11.0
    private static let size = MinAtarCanvas.size
    /// The gauges' row; the submarine stays above it.
    private static let gaugeRow = size - 1
    private static let fullOxygen = 200
    private static let maximumDivers = 6
    private static let firstSpawnInterval = 20
    private static let firstMoveInterval = 5
    /// Where ramping stops: enemies moving every third act at the fastest, spawning every second act.
    private static let fastestMoveInterval = 2
    private static let fastestSpawnInterval = 1
    /// Divers keep this pace whatever the ramping.
    private static let diverMoveInterval = 5
    private static let diverSpawnInterval = 30
    private static let enemyShotInterval = 10
    private static let playerShotInterval = 5
    /// Upper bound on things alive at once in a long game (enemies live ≤ 60 acts and come ≥ 2 acts apart);
    /// reserved up front so that stepping never grows an array.
    private static let reservedThings = 64

    /// A fish, an enemy submarine, a diver or a bullet: its cell, its heading and its countdowns to the next
    /// move and (enemy submarines only) the next shot. Each countdown restarts when it has reached zero.
    struct Thing: Sendable, Equatable {
        var x: Int
        var y: Int
        var right: Bool
        var moveCountdown = 0
        var shotCountdown = 0
        var step: Int { right ? 1 : -1 }
        var isOnGrid: Bool { (0..<MinAtarSeaquest.size).contains(x) }
    }

    private var friendlyBullets = Self.reservedList()
    private var enemyBullets = Self.reservedList()
    private var fish = Self.reservedList()
    private var enemySubs = Self.reservedList()
    private var divers = Self.reservedList()
    private var subX = 0
    private var subY = 0
    private var facingRight = false
    private var oxygen = 0
    /// Can go below zero: surfacing with six divers empties the load and then drops one more (as MinAtar does).
    private var diverCount = 0
    /// True from a surfacing (or the start) until the submarine dives again.
    private var atSurface = true
    private var spawnInterval = 0
    private var spawnCountdown = 0
    private var diverSpawnCountdown = 0
    private var moveInterval = 0
    private var shotCountdown = 0
    private var ramps = 0
    public private(set) var isTerminal = false

    public init() {}

    private static func reservedList() -> [Thing] {
        var list = [Thing]()
        list.reserveCapacity(reservedThings)
        return list
    }

    public mutating func reset(random: inout NumpyRandomState) {
        friendlyBullets.removeAll(keepingCapacity: true)
        enemyBullets.removeAll(keepingCapacity: true)
        fish.removeAll(keepingCapacity: true)
        enemySubs.removeAll(keepingCapacity: true)
        divers.removeAll(keepingCapacity: true)
        subX = 5
        subY = 0
        facingRight = false
        oxygen = Self.fullOxygen
        diverCount = 0
        atSurface = true
        spawnInterval = Self.firstSpawnInterval
        spawnCountdown = Self.firstSpawnInterval
        diverSpawnCountdown = Self.diverSpawnInterval
        moveInterval = Self.firstMoveInterval
        shotCountdown = 0
        ramps = 0
        isTerminal = false
    }

    /// The order of the stages decides same-act collisions and was found by replaying recorded episodes: the
    /// player's move or shot, spawns, friendly bullets, fish, enemy submarines (and their new shots), enemy
    /// bullets, divers, countdowns, then oxygen and surfacing.
    public mutating func act(_ action: MinAtarAction, random: inout NumpyRandomState, ramping: Bool) -> Double {
        guard !isTerminal else { return 0 }
        switch action {
        case .fire where shotCountdown == 0:
            friendlyBullets.append(Thing(x: subX, y: subY, right: facingRight))
            shotCountdown = Self.playerShotInterval
        case .left: (subX, facingRight) = (max(0, subX - 1), false)
        case .right: (subX, facingRight) = (min(Self.size - 1, subX + 1), true)
        case .up: subY = max(0, subY - 1)
        case .down: subY = min(Self.gaugeRow - 1, subY + 1)
        default: break
        }
        if spawnCountdown == 0 {
            spawnCountdown = spawnInterval
            spawnEnemy(random: &random)
        }
        if diverSpawnCountdown == 0 {
            diverSpawnCountdown = Self.diverSpawnInterval
            spawnDiver(random: &random)
        }
        var reward = moveFriendlyBullets()
        // Each list is moved out while it is played (the move also touches `self`) and back, without copying.
        var enemies = [Thing]()
        swap(&enemies, &fish)
        reward += moveEnemies(&enemies, shooting: false)
        swap(&enemies, &fish)
        swap(&enemies, &enemySubs)
        reward += moveEnemies(&enemies, shooting: true)
        swap(&enemies, &enemySubs)
        moveEnemyBullets()
        moveDivers()
        if shotCountdown > 0 { shotCountdown -= 1 }
        spawnCountdown -= 1
        diverSpawnCountdown -= 1
        // Checked before this act's breath or refill: a tank that reached zero ends the game even on surfacing.
        if oxygen == 0 { isTerminal = true }
        if subY > 0 {
            oxygen -= 1
            atSurface = false
        } else if !atSurface {
            if diverCount == 0 {
                isTerminal = true
            } else {
                reward += surface(ramping: ramping)
            }
        }
        return reward
    }

    public func draw(on canvas: MinAtarCanvas) {
        canvas.mark(y: subY, x: subX, channel: 0)
        let backX = facingRight ? subX - 1 : subX + 1
        if (0..<Self.size).contains(backX) { canvas.mark(y: subY, x: backX, channel: 1) }
        for bullet in friendlyBullets { canvas.mark(y: bullet.y, x: bullet.x, channel: 2) }
        for bullet in enemyBullets { canvas.mark(y: bullet.y, x: bullet.x, channel: 4) }
        Self.draw(fish, channel: 5, on: canvas)
        Self.draw(enemySubs, channel: 6, on: canvas)
        Self.draw(divers, channel: 9, on: canvas)
        for x in 0..<max(0, oxygen * 10 / Self.fullOxygen) { canvas.mark(y: Self.gaugeRow, x: x, channel: 7) }
        for carried in 0..<max(0, diverCount) { canvas.mark(y: Self.gaugeRow, x: Self.size - 2 - carried, channel: 8) }
    }

    /// Fish, enemy submarines and divers leave a trail in the cell they came from.
    private static func draw(_ things: [Thing], channel: Int, on canvas: MinAtarCanvas) {
        for thing in things {
            canvas.mark(y: thing.y, x: thing.x, channel: channel)
            let trail = thing.x - thing.step
            if (0..<size).contains(trail) { canvas.mark(y: thing.y, x: trail, channel: 3) }
        }
    }

    private func isPlayer(_ thing: Thing) -> Bool { thing.x == subX && thing.y == subY }

    /// Heading (rand() < 0.5: from the left edge, heading right), kind (rand() < 1/3: a submarine), then the
    /// row (1 + randint(8)); nothing comes when an enemy in that row heads the other way.
    private mutating func spawnEnemy(random: inout NumpyRandomState) {
        let right = random.rand() < 0.5
        let isSub = random.rand() < 1.0 / 3
        let y = 1 + random.randint(8)
        guard !Self.headsAgainst(fish, row: y, right: right) && !Self.headsAgainst(enemySubs, row: y, right: right)
        else { return }
        let enemy = Thing(x: right ? 0 : Self.size - 1, y: y, right: right, moveCountdown: moveInterval,
                          shotCountdown: Self.enemyShotInterval)
        if isSub { enemySubs.append(enemy) } else { fish.append(enemy) }
    }

    private static func headsAgainst(_ things: [Thing], row: Int, right: Bool) -> Bool {
        things.contains { $0.y == row && $0.right != right }
    }

    /// Heading (rand() < 0.5: from the left edge), then the row (1 + randint(8)), whatever is in it.
    private mutating func spawnDiver(random: inout NumpyRandomState) {
        let right = random.rand() < 0.5
        let y = 1 + random.randint(8)
        divers.append(Thing(x: right ? 0 : Self.size - 1, y: y, right: right, moveCountdown: Self.diverMoveInterval))
    }

    /// Each friendly bullet moves one cell; one leaving the grid is gone, one reaching a fish (else an enemy
    /// submarine) takes it, +1.
    private mutating func moveFriendlyBullets() -> Double {
        var reward = 0.0
        var index = 0
        while index < friendlyBullets.count {
            friendlyBullets[index].x += friendlyBullets[index].step
            let bullet = friendlyBullets[index]
            if !bullet.isOnGrid || Self.removeFirst(at: bullet, from: &fish) || Self.removeFirst(at: bullet, from: &enemySubs) {
                if bullet.isOnGrid { reward += 1 }
                friendlyBullets.remove(at: index)
            } else {
                index += 1
            }
        }
        return reward
    }

    /// Fish or enemy submarines: touching the player ends the game before and after a move; one that moves
    /// off the grid is gone, one that moves onto a friendly bullet is taken with it (+1). A submarine still
    /// there fires when its shot countdown is up, the bullet starting in its own cell.
    private mutating func moveEnemies(_ enemies: inout [Thing], shooting: Bool) -> Double {
        var reward = 0.0
        var index = 0
        while index < enemies.count {
            if isPlayer(enemies[index]) { isTerminal = true }
            if enemies[index].moveCountdown == 0 {
                enemies[index].moveCountdown = moveInterval
                enemies[index].x += enemies[index].step
                if !enemies[index].isOnGrid {
                    enemies.remove(at: index)
                    continue
                }
                if isPlayer(enemies[index]) { isTerminal = true }
                if Self.removeFirst(at: enemies[index], from: &friendlyBullets) {
                    enemies.remove(at: index)
                    reward += 1
                    continue
                }
            } else {
                enemies[index].moveCountdown -= 1
            }
            if shooting {
                if enemies[index].shotCountdown == 0 {
                    enemies[index].shotCountdown = Self.enemyShotInterval
                    let enemy = enemies[index]
                    enemyBullets.append(Thing(x: enemy.x, y: enemy.y, right: enemy.right))
                } else {
                    enemies[index].shotCountdown -= 1
                }
            }
            index += 1
        }
        return reward
    }

    /// Enemy bullets move one cell every act; touching the player before or after ends the game.
    private mutating func moveEnemyBullets() {
        var index = 0
        while index < enemyBullets.count {
            if isPlayer(enemyBullets[index]) { isTerminal = true }
            enemyBullets[index].x += enemyBullets[index].step
            if !enemyBullets[index].isOnGrid {
                enemyBullets.remove(at: index)
                continue
            }
            if isPlayer(enemyBullets[index]) { isTerminal = true }
            index += 1
        }
    }

    /// Divers on the player's cell, before or after their move, are picked up while fewer than six are aboard.
    private mutating func moveDivers() {
        var index = 0
        while index < divers.count {
            if pickUp(divers[index]) {
                divers.remove(at: index)
                continue
            }
            if divers[index].moveCountdown == 0 {
                divers[index].moveCountdown = Self.diverMoveInterval
                divers[index].x += divers[index].step
                if !divers[index].isOnGrid || pickUp(divers[index]) {
                    divers.remove(at: index)
                    continue
                }
            } else {
                divers[index].moveCountdown -= 1
            }
            index += 1
        }
    }

    private mutating func pickUp(_ diver: Thing) -> Bool {
        guard isPlayer(diver) && diverCount < Self.maximumDivers else { return false }
        diverCount += 1
        return true
    }

    /// Six divers pay the oxygen gauge's lit cells and leave; then one diver leaves (so six end at −1, as in
    /// MinAtar), the tank is refilled, and with ramping enemies spawn one act sooner (down to every act) and,
    /// on every second ramp, move one act sooner (down to every second act).
    private mutating func surface(ramping: Bool) -> Double {
        atSurface = true
        var reward = 0.0
        if diverCount == Self.maximumDivers {
            diverCount = 0
            reward = Double(oxygen * 10 / Self.fullOxygen)
        }
        oxygen = Self.fullOxygen
        diverCount -= 1
        if ramping && spawnInterval > Self.fastestSpawnInterval {
            if ramps % 2 == 1 && moveInterval > Self.fastestMoveInterval { moveInterval -= 1 }
            spawnInterval -= 1
            ramps += 1
        }
        return reward
    }

    /// Removes the first thing of `things` in `target`'s cell, if any.
    private static func removeFirst(at target: Thing, from things: inout [Thing]) -> Bool {
        guard let index = things.firstIndex(where: { $0.x == target.x && $0.y == target.y }) else { return false }
        things.remove(at: index)
        return true
    }
}

extension MinAtarSeaquest {
    private static let listNames = ["friendly_bullets", "enemy_bullets", "fish", "enemy_subs", "divers"]
    private var lists: [[Thing]] { [friendlyBullets, enemyBullets, fish, enemySubs, divers] }

    public func saveState(into part: inout StatePart) {
        for (name, things) in zip(Self.listNames, lists) {
            part.set("\(name)_x", integers: things.map(\.x))
            part.set("\(name)_y", integers: things.map(\.y))
            part.set("\(name)_right", flags: things.map(\.right))
            part.set("\(name)_countdowns", integers: things.flatMap { [$0.moveCountdown, $0.shotCountdown] })
        }
        part.set("sub", integers: [subX, subY])
        part.set("flags", flags: [facingRight, atSurface, isTerminal])
        part.set("counters", integers: [oxygen, diverCount, spawnInterval, spawnCountdown, diverSpawnCountdown,
                                        moveInterval, shotCountdown, ramps])
    }

    public mutating func restoreState(from part: StatePart) throws(StatePartError) {
        var lists = [[Thing]]()
        for name in Self.listNames {
            let xs = try part.integers("\(name)_x", in: 0...(Self.size - 1))
            // Rows 0–8: a bullet can be fired from the surface; nothing lives on the gauges' row.
            let ys = try part.integers("\(name)_y", count: xs.count, in: 0...(Self.gaugeRow - 1))
            let right = try part.flags("\(name)_right", count: xs.count)
            let countdowns = try part.integers("\(name)_countdowns", count: 2 * xs.count, in: Int.min...Int.max)
            var things = Self.reservedList()
            for index in xs.indices {
                things.append(Thing(x: xs[index], y: ys[index], right: right[index],
                                    moveCountdown: countdowns[2 * index], shotCountdown: countdowns[2 * index + 1]))
            }
            lists.append(things)
        }
        let sub = try part.integers("sub", count: 2, in: 0...(Self.gaugeRow - 1))
        let flags = try part.flags("flags", count: 3)
        let counters = try part.integers("counters", count: 8, in: Int.min...Int.max)
        (friendlyBullets, enemyBullets, fish, enemySubs, divers) = (lists[0], lists[1], lists[2], lists[3], lists[4])
        (subX, subY) = (sub[0], sub[1])
        (facingRight, atSurface, isTerminal) = (flags[0], flags[1], flags[2])
        (oxygen, diverCount, spawnInterval, spawnCountdown) = (counters[0], counters[1], counters[2], counters[3])
        (diverSpawnCountdown, moveInterval, shotCountdown, ramps) = (counters[4], counters[5], counters[6], counters[7])
    }
}
