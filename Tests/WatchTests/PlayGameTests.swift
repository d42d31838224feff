import Environments
import RLCore
import TerminalUI
import Testing
@testable import Watch

/// `rlterm play`'s game, driven by keys and ticks as the loop drives it, without a terminal.
@Suite("Playing a MinAtar game by hand")
struct PlayGameTests {
    static func game(_ name: String = "minatar-breakout", seed: UInt64 = 3) throws -> PlayGame {
        var options = EnvironmentOptions()
        options.gymSeed = GymSeed(seed)
        return PlayGame(name: name, environment: try EnvironmentRegistry.make(name, options: options,
                                                                              generator: Xoshiro256StarStar(seed: 0)))
    }

    /// The paddle's column on the board's bottom row.
    static func paddle(_ game: PlayGame) -> Int? {
        guard let board = game.board else { return nil }
        return (0..<10).first { board.cells[90 + $0] == 0 }
    }

    @Test("arrows, space, p and q are the game's keys; other keys are not")
    func keys() {
        #expect(PlayGame.key(for: .arrowKey(.left)) == .action(.left))
        #expect(PlayGame.key(for: .arrowKey(.down)) == .action(.down))
        #expect(PlayGame.key(for: .character(32)) == .action(.fire))
        #expect(PlayGame.key(for: .character(UInt32(UInt8(ascii: "q")))) == .quit)
        #expect(PlayGame.key(for: .character(UInt32(UInt8(ascii: "p")))) == .pause)
        #expect(PlayGame.key(for: .character(UInt32(UInt8(ascii: "x")))) == nil)
    }

    @Test("a tick plays the last key pressed since the last one, then noop: the paddle moves once per key")
    func ticksPlayKeys() throws {
        // Without sticky actions each key takes effect on its own tick.
        var game = PlayGame(name: "minatar-breakout",
                            environment: MinAtar<MinAtarBreakout>(seed: 3, stickyActionProbability: 0))
        let start = try #require(Self.paddle(game))
        game.press(.action(.left))
        game.tick()
        #expect(Self.paddle(game) == start && game.message == "space starts the game", "nothing moves before space")
        game.press(.action(.fire))
        game.press(.action(.right))
        game.press(.action(.left))
        #expect(game.pendingAction == .left)
        game.tick()
        #expect(Self.paddle(game) == start - 1)
        #expect(game.pendingAction == .noop)
        game.tick()
        #expect(Self.paddle(game) == start - 1, "no key: noop")
        game.press(.pause)
        game.press(.action(.right))
        game.tick()
        #expect(Self.paddle(game) == start - 1, "paused: nothing moves, and keys pressed meanwhile are dropped")
        #expect(game.message == "paused: p plays on")
        game.press(.pause)
        game.tick()
        #expect(Self.paddle(game) == start - 1)
        game.press(.action(.right))
        game.tick()
        #expect(Self.paddle(game) == start)
    }

    @Test("an episode ends, its score becomes the best, and space starts the next from a fresh board")
    func episodes() throws {
        var game = try Self.game()
        game.press(.action(.fire))
        var ticks = 0
        while !game.isOver && ticks < 10_000 {
            game.tick()
            ticks += 1
        }
        #expect(game.isOver, "a paddle that never moves loses the ball")
        #expect(game.best == game.score)
        #expect(game.message?.hasPrefix("game over: score") == true)
        game.press(.action(.left))
        game.tick()
        #expect(game.isOver && game.episode == 1, "only space starts the next episode")
        game.press(.action(.fire))
        #expect(!game.isOver && game.episode == 2 && game.score == 0)
        #expect(Self.paddle(game) == 4)
    }
}
