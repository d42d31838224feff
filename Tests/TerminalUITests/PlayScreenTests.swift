import Testing
import TerminalUI

@Suite("The play screen")
struct PlayScreenTests {
    static var breakout: PlayScreen {
        guard case .minAtar(var board) = DashboardSamples.minAtarBreakout.scene else { fatalError("a MinAtar sample") }
        board.actions = nil
        return PlayScreen(gameName: "minatar-breakout", board: board, score: 3, episode: 2, best: 5,
                          agentBest: (score: 12, source: "agent, runs/breakout"), framesPerSecond: 10,
                          message: "game over: score 3. space plays episode 3, q quits")
    }

    static func lines(_ screen: PlayScreen, width: Int, height: Int, theme: Theme) -> [String] {
        var surface = MemorySurface(width: width, height: height)
        screen.render(into: &surface, theme: theme)
        return surface.lines
    }

    @Test("at its smallest, 60×18: the board, the legend under it, score and bests and keys beside it (golden)")
    func golden() throws {
        for (theme, charset) in [(Rendering.unicodeMono, "utf8"), (Rendering.asciiMono, "ascii")] {
            let lines = Self.lines(Self.breakout, width: 60, height: 18, theme: theme)
            let expected = try GoldenFile.lines("play-breakout-60x18-\(charset)", actual: lines)
            #expect(lines == expected)
            if theme.charset == .ascii { #expect(lines.joined().allSatisfy { $0.isASCII }) }
        }
    }

    @Test("whole scores print as whole numbers, others compactly")
    func scores() {
        #expect(PlayScreen.score(12) == "12")
        #expect(PlayScreen.score(-3) == "-3")
        #expect(PlayScreen.score(0.5) == "0.50")
    }

    @Test("the largest game's legend fits under the board at 60×18; below that the screen says how large it must be")
    func sizes() {
        var screen = Self.breakout
        guard case .minAtar(let invaders) = DashboardSamples.minAtarSpaceInvaders.scene else { return }
        screen.board = invaders
        screen.board.actions = nil
        let lines = Self.lines(screen, width: 60, height: 18, theme: Rendering.asciiMono)
        #expect(lines.contains { $0.contains("** enemy_bullet") })
        #expect(lines[17].hasPrefix(" game over"))
        let small = Self.lines(screen, width: 59, height: 30, theme: Rendering.unicodeMono)
        #expect(small.contains { $0.contains("rlterm needs 60×18") })
    }
}
