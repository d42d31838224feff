import Testing
import TerminalUI

@Suite("Gridworld map view")
struct GridViewTests {
    /// . . . .
    /// . # . .
    /// S C C G   with the agent at (1, 2), having come up from S and along the top row.
    let view = GridView(
        tiles: [[.empty, .empty, .empty, .empty], [.empty, .wall, .empty, .empty], [.start, .cliff, .cliff, .goal]],
        agent: GridPosition(row: 1, column: 2),
        trail: [GridPosition(row: 2, column: 0), GridPosition(row: 1, column: 0), GridPosition(row: 0, column: 0),
                GridPosition(row: 0, column: 1), GridPosition(row: 0, column: 2), GridPosition(row: 1, column: 2)])

    @Test("ASCII: the map file's letters, @ for the agent, o along its path, a legend that drops whole entries")
    func ascii() {
        #expect(Rendering.lines(view, width: 20, height: 4, theme: Rendering.asciiMono) == [
            "      o o o .       ",
            "      o # @ .       ",
            "      S C C G       ",
            " @ agent  o path    ",
        ])
        #expect(Rendering.lines(view, width: 44, height: 5, theme: Rendering.asciiMono) == [
            "                  o o o .                   ",
            "                  o # @ .                   ",
            "                  S C C G                   ",
            " @ agent  o path  C cliff  # wall  G goal   ",
            "                                            ",
        ])
    }

    @Test("UTF-8: dots for floor, a block for walls, a shade for the cliff, a disc for the agent")
    func unicode() {
        #expect(Rendering.lines(view, width: 20, height: 4, theme: Rendering.unicodeMono) == [
            "      • • • ·       ",
            "      • █ ● ·       ",
            "      S ▒ ▒ G       ",
            " ● agent  • path    ",
        ])
    }

    @Test("the agent, path, cliff and goal get their theme styles; the path keeps the start's letter")
    func styles() {
        let theme = Rendering.unicode256
        let surface = Rendering.surface(view, width: 20, height: 4, theme: theme)
        #expect(surface.cell(x: 10, y: 1)?.style == theme.agentStyle)
        #expect(surface.cell(x: 6, y: 0)?.style == theme.trailStyle)
        #expect(surface.cell(x: 6, y: 2) == Cell("S", style: theme.trailStyle))
        #expect(surface.cell(x: 8, y: 2)?.style.foreground == .indexed(160))
        #expect(surface.cell(x: 12, y: 2)?.style == Style(foreground: .indexed(46), attributes: .bold))
        #expect(Rendering.asciiMono.agentStyle.attributes.contains(.reverse))
    }

    @Test("a map wider or taller than the area shows the window around the agent, one column per cell")
    func window() {
        let row = [GridTile.start] + Array(repeating: .empty, count: 10) + [.goal]
        let wide = GridView(tiles: [row, row], agent: GridPosition(row: 1, column: 10))
        #expect(Rendering.lines(wide, width: 10, height: 2, theme: Rendering.asciiMono) == [
            ".........G",
            "........@G",
        ])
        let tall = GridView(tiles: Array(repeating: [.empty], count: 11) + [[.goal]], agent: GridPosition(row: 0, column: 0))
        #expect(Rendering.lines(tall, width: 3, height: 3, theme: Rendering.asciiMono) == [" @ ", " . ", " . "])
    }

    @Test("the window keeps the focus in its middle as far as the edges allow")
    func firstVisible() {
        #expect(GridView.firstVisible(count: 13, visible: 9, focus: 0) == 0)
        #expect(GridView.firstVisible(count: 13, visible: 9, focus: 6) == 2)
        #expect(GridView.firstVisible(count: 13, visible: 9, focus: 12) == 4)
        #expect(GridView.firstVisible(count: 8, visible: 9, focus: 7) == 0)
        #expect(GridView.firstVisible(count: 8, visible: 0, focus: 7) == 0)
    }
}
