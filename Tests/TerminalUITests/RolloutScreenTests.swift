import Testing
import TerminalUI

@Suite("The watch screen of a policy rollout")
struct RolloutScreenTests {
    /// A 2 × 3 map, S . G over . # ., the agent one step from the start, two finished episodes.
    static func screen(returns: [Double] = [-3, -5], isPaused: Bool = false) -> RolloutScreen {
        RolloutScreen(
            mapName: "Tiny", mapRows: 2, mapColumns: 3, epsilon: 0.1, gamma: 0.99, isPaused: isPaused, step: 42,
            episode: 3, stepsPerSecond: 10, pace: 10,
            grid: GridView(tiles: [[.start, .empty, .goal], [.empty, .wall, .empty]],
                           agent: GridPosition(row: 0, column: 1), trail: [GridPosition(row: 0, column: 0)]),
            episodeReturn: -1, returns: returns,
            values: Heatmap(values: [[-2, -1, 0], [-3, nil, -1]], arrows: [[.right, .right, nil], [.up, nil, .up]]))
    }

    static func render(_ screen: RolloutScreen, width: Int, height: Int, theme: Theme) -> [String] {
        var surface = MemorySurface(width: width, height: height)
        screen.render(into: &surface, theme: theme)
        return surface.lines
    }

    @Test("each panel's top border is where the layout puts it, with its title and figure, in ASCII and UTF-8",
          arguments: [(80, 24), (120, 40)])
    func panels(width: Int, height: Int) throws {
        let layout = try #require(ScreenLayout(width: width, height: height))
        for theme in [Rendering.asciiMono, Rendering.unicode256] {
            let lines = Self.render(Self.screen(), width: width, height: height, theme: theme)
            let (corner, dash, times) = (theme.glyphs.topLeft, theme.glyphs.horizontal, theme.glyphs.times)
            func top(of area: Rect) -> String { String(lines[area.y].dropFirst(area.x).prefix(area.width)) }
            #expect(top(of: layout.environment).hasPrefix("\(corner) Environment \(dash)"))
            #expect(top(of: layout.environment).hasSuffix(" 2\(times)3\(theme.glyphs.separator)return -1.00 \(theme.glyphs.topRight)"))
            #expect(top(of: layout.plot).hasPrefix("\(corner) Episode return \(dash)"))
            #expect(top(of: layout.plot).hasSuffix(" avg20 -4.00 \(theme.glyphs.topRight)"))
            #expect(top(of: layout.heatmap).hasPrefix("\(corner) V* = max_a Q* \(dash)"))
            #expect(top(of: layout.heatmap).hasSuffix(" \(theme.glyphs.gamma) = 0.99 \(theme.glyphs.topRight)"))
            #expect(top(of: layout.parameters).hasPrefix("\(corner) What this shows \(dash)"))
            #expect(lines[height - 1].hasPrefix(" space pause  . step  + - pace 10/s  q quit"))
            if theme.charset == .ascii {
                #expect(lines.joined().allSatisfy { $0.isASCII })
            }
        }
    }

    @Test("the status line says what is shown on the left and the live state on the right")
    func status() {
        let ascii = Self.render(Self.screen(), width: 100, height: 30, theme: Rendering.asciiMono)[0]
        #expect(ascii == " rlterm | Tiny | value-iteration policy, epsilon = 0.1"
            + String(repeating: " ", count: 8) + "running | step 42 | ep 3 | 10 steps/s ")
        let paused = Self.screen(isPaused: true)
        #expect(paused.status(glyphs: Glyphs(charset: .unicode)).text(width: 80, glyphs: Glyphs(charset: .unicode))
            == " rlterm · Tiny · value-iteration policy, … paused · step 42 · ep 3 · 10 steps/s ")
        #expect(paused.hints.first == KeyHint("space", "run"))
    }

    @Test("the map sits in the environment panel and the caption in the panel beside the values")
    func contents() throws {
        let layout = try #require(ScreenLayout(width: 80, height: 24))
        let lines = Self.render(Self.screen(), width: 80, height: 24, theme: Rendering.asciiMono)
        let inner = Panel.inner(layout.environment)
        let map = lines[inner.y..<inner.maxY].map { String($0.dropFirst(inner.x).prefix(inner.width)) }
        #expect(map.contains("              S @ G               "))
        #expect(map.contains("              . # .               "))
        let caption = Panel.inner(layout.parameters)
        #expect(lines[caption.y].dropFirst(caption.x).hasPrefix(" Heatmap and arrows: the exact optimal"))
        #expect(lines.contains { $0.contains("Learning agents arrive with the training") })
    }

    @Test("before any episode has finished the plot panel says so instead of plotting nothing")
    func noEpisodes() throws {
        let layout = try #require(ScreenLayout(width: 80, height: 24))
        let lines = Self.render(Self.screen(returns: []), width: 80, height: 24, theme: Rendering.asciiMono)
        #expect(lines[layout.plot.y + 1].dropFirst(layout.plot.x).hasPrefix("| No episode has finished yet."))
        #expect(!lines[layout.plot.y].contains("avg20"))
    }

    @Test("below the minimum size only the too-small notice is drawn")
    func tooSmall() {
        var surface = MemorySurface(width: 60, height: 20)
        Self.screen().render(into: &surface, theme: Rendering.asciiMono)
        #expect(surface == Rendering.surface(TooSmallNotice(), width: 60, height: 20, theme: Rendering.asciiMono))
        #expect(surface.lines[8].contains("rlterm needs 80x24"))
    }
}
