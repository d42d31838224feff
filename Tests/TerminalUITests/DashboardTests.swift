import Foundation
import Testing
import TerminalUI

@Suite("The dashboard: layout and whole-screen golden text")
struct DashboardTests {
    static func render(_ model: DashboardViewModel, width: Int, height: Int, theme: Theme) -> MemorySurface {
        var surface = MemorySurface(width: width, height: height)
        DashboardScreen(model: model).render(into: &surface, theme: theme)
        return surface
    }

    @Test("80×24: the sketch's four panels; explain takes the values panel's place")
    func smallLayout() throws {
        let plain = try #require(DashboardLayout(width: 80, height: 24, showExplain: false, hyperparameterCount: 9))
        #expect(plain.environment == Rect(x: 0, y: 1, width: 36, height: 11))
        #expect(plain.values == Rect(x: 0, y: 12, width: 36, height: 11))
        #expect(plain.plot == Rect(x: 36, y: 1, width: 44, height: 11))
        #expect(plain.parameters == Rect(x: 36, y: 12, width: 44, height: 11))
        #expect(plain.explain == nil)
        #expect(plain.body == Rect(x: 0, y: 1, width: 80, height: 22))
        let explained = try #require(DashboardLayout(width: 80, height: 24, showExplain: true, hyperparameterCount: 9))
        #expect(explained.values == nil)
        #expect(explained.explain == Rect(x: 0, y: 12, width: 36, height: 11))
    }

    @Test("120×40: explain gets its own place under the hyperparameters, which keep their rows")
    func largeLayout() throws {
        let layout = try #require(DashboardLayout(width: 120, height: 40, showExplain: true, hyperparameterCount: 9))
        #expect(layout.values == Rect(x: 0, y: 20, width: 54, height: 19))
        #expect(layout.parameters == Rect(x: 54, y: 20, width: 66, height: 11))
        #expect(layout.explain == Rect(x: 54, y: 31, width: 66, height: 8))
        let crowded = try #require(DashboardLayout(width: 120, height: 40, showExplain: true, hyperparameterCount: 30))
        #expect(crowded.parameters.height == 12)
        #expect(crowded.explain?.height == DashboardLayout.minimumExplainHeight)
        #expect(DashboardLayout(width: 79, height: 40, showExplain: false, hyperparameterCount: 0) == nil)
    }

    @Test("golden screens at 80×24 and 120×40, UTF-8 and ASCII, without colour",
          arguments: ["cliff", "cartpole", "mountaincar", "acrobot", "minatar-breakout", "minatar-breakout-features",
                      "minatar-space-invaders", "minatar-freeway", "minatar-asterix", "minatar-seaquest"],
          [(80, 24), (120, 40)])
    func golden(sample: String, size: (Int, Int)) throws {
        let samples = ["cliff": DashboardSamples.cliff, "cartpole": DashboardSamples.cartPole,
                       "mountaincar": DashboardSamples.mountainCar, "acrobot": DashboardSamples.acrobot,
                       "minatar-breakout": DashboardSamples.minAtarBreakout,
                       "minatar-breakout-features": DashboardSamples.minAtarBreakoutFeatures,
                       "minatar-space-invaders": DashboardSamples.minAtarSpaceInvaders,
                       "minatar-freeway": DashboardSamples.minAtarFreeway, "minatar-asterix": DashboardSamples.minAtarAsterix,
                       "minatar-seaquest": DashboardSamples.minAtarSeaquest]
        let model = try #require(samples[sample])
        for (theme, charset) in [(Rendering.unicodeMono, "utf8"), (Rendering.asciiMono, "ascii")] {
            let lines = Self.render(model, width: size.0, height: size.1, theme: theme).lines
            let expected = try GoldenFile.lines("dashboard-\(sample)-\(size.0)x\(size.1)-\(charset)", actual: lines)
            #expect(lines == expected)
            if theme.charset == .ascii {
                #expect(lines.joined().allSatisfy { $0.isASCII })
            }
        }
    }

    @Test("MinAtar boards in colour, 256 and 8 colours at 80×24: each cell in its highest channel's colour (golden with escapes)",
          arguments: ["minatar-breakout", "minatar-breakout-features", "minatar-space-invaders-live"],
          [("256", Rendering.unicode256), ("8", Rendering.unicode8)])
    func minAtarColourGolden(sample: String, colours: (String, Theme)) throws {
        let samples = ["minatar-breakout": DashboardSamples.minAtarBreakout,
                       "minatar-breakout-features": DashboardSamples.minAtarBreakoutFeatures,
                       "minatar-space-invaders-live": DashboardSamples.minAtarSpaceInvadersLive]
        let model = try #require(samples[sample])
        let lines = Self.render(model, width: 80, height: 24, theme: colours.1).textLines(escapes: true)
        let expected = try GoldenFile.lines("dashboard-\(sample)-80x24-\(colours.0)colours", actual: lines)
        #expect(lines == expected)
    }

    @Test("a MinAtar board takes the rows it needs from the values panel: ten for the board and the legend's")
    func minAtarLayout() throws {
        let screen = Self.render(DashboardSamples.minAtarBreakout, width: 80, height: 24, theme: Rendering.unicodeMono)
        let lines = screen.lines
        // Breakout's legend needs two lines in the 32 columns: the panel is 10 + 2 rows and its border.
        #expect(lines[14].hasPrefix("└"))
        #expect(lines[15].hasPrefix("┌ Q(s,a)"))
        #expect(lines[2].hasPrefix("│  · · · · · · · · · · Q(s,a)"))
        #expect(lines[3].hasPrefix("│ ▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓ noop"))
        #expect(lines[11].hasPrefix("│  · · · · ·██ · · · ·"))
        let layout = try #require(DashboardLayout(width: 80, height: 24, showExplain: false, hyperparameterCount: 9,
                                                  environmentRows: 40))
        #expect(layout.environment.height == 22 - DashboardLayout.minimumValuesHeight)
        #expect(layout.values?.height == DashboardLayout.minimumValuesHeight)
        let unchanged = try #require(DashboardLayout(width: 80, height: 24, showExplain: false, hyperparameterCount: 9,
                                                     environmentRows: 9))
        #expect(unchanged.environment.height == 11)
    }

    @Test("feature maps take the right column at every size, the plot and the hyperparameters giving way; explain takes the values panel's place")
    func featureMapLayout() throws {
        let layout = try #require(DashboardLayout(width: 80, height: 24, showExplain: false, hyperparameterCount: 9,
                                                  environmentRows: 12, showsFeatureMaps: true))
        #expect(layout.features == Rect(x: 36, y: 1, width: 44, height: 22))
        #expect(layout.values != nil && layout.explain == nil)
        let roomy = try #require(DashboardLayout(width: 120, height: 40, showExplain: true, hyperparameterCount: 9,
                                                 showsFeatureMaps: true))
        #expect(roomy.features == Rect(x: 54, y: 1, width: 66, height: 38))
        #expect(roomy.values == nil && roomy.explain == Rect(x: 0, y: 20, width: 54, height: 19))
        #expect(try #require(DashboardLayout(width: 80, height: 24, showExplain: false, hyperparameterCount: 9)).features == nil)
        let lines = Self.render(DashboardSamples.minAtarBreakoutFeatures, width: 80, height: 24, theme: Rendering.unicodeMono).lines
        #expect(lines[1].hasSuffix("┐┌ 16 conv maps, one scale 0…4.00 ── v view ┐"))
        #expect(!lines.joined().contains("Hyperparameters") && !lines.joined().contains("Episode return"))
        #expect(lines[21].contains("8 more"))
    }

    @Test("the help overlay is drawn centred over the panels")
    func helpGolden() throws {
        var model = DashboardSamples.cliff
        model.showHelp = true
        for (theme, charset) in [(Rendering.unicodeMono, "utf8"), (Rendering.asciiMono, "ascii")] {
            let lines = Self.render(model, width: 80, height: 24, theme: theme).lines
            let expected = try GoldenFile.lines("dashboard-help-80x24-\(charset)", actual: lines)
            #expect(lines == expected)
        }
    }

    @Test("in 256 colours the heatmap is coloured cells instead of shade glyphs; without colour nothing is coloured")
    func colour() throws {
        let layout = try #require(DashboardLayout(width: 80, height: 24, showExplain: false, hyperparameterCount: 9))
        let values = try #require(layout.values)
        let colour = Self.render(DashboardSamples.cliff, width: 80, height: 24, theme: Rendering.unicode256)
        let first = (x: values.x + 2, y: values.y + 1)
        #expect(colour.cell(x: first.x, y: first.y) == Cell("→", style: Style(foreground: .indexed(231), background: .indexed(53))))
        #expect(colour.cell(x: first.x + 1, y: first.y)?.character == " ")
        let mono = Self.render(DashboardSamples.cliff, width: 80, height: 24, theme: Rendering.unicodeMono)
        #expect(mono.cells.allSatisfy { $0.style.foreground == .terminalDefault && $0.style.background == .terminalDefault })
        #expect(mono.cell(x: first.x + 1, y: first.y)?.character == "░")
    }

    @Test("without colour, a heatmap whose cells have room shows every value's number")
    func monoNumbers() {
        let mono = Self.render(DashboardSamples.cliff, width: 200, height: 60, theme: Rendering.asciiMono).lines
        #expect(mono.contains { $0.contains("| >-14.0>-13.0>-12.0") })
        let colour = Self.render(DashboardSamples.cliff, width: 200, height: 60, theme: Rendering.unicode256).lines
        #expect(!colour.joined().contains("-13.0"))
    }

    @Test("the status line keeps what runs whole at 80 columns and adds the pace when there is room")
    func status() {
        let screen = DashboardScreen(model: DashboardSamples.cliff)
        let unicode = Glyphs(charset: .unicode)
        #expect(screen.status(width: 80, glyphs: unicode).text(width: 80, glyphs: unicode)
            == " rlterm · cliff 4×12 · DQN · ▶ training     step 12,345 · ep 210 · 8.2k steps/s ")
        #expect(screen.status(width: 120, glyphs: unicode).right == "step 12,345 · ep 210 · 8.2k steps/s · pace full")
        // A long name, a seed and millions of steps: the program's name gives way before the run state is cut.
        var long = DashboardSamples.cliff
        long.algorithmName = "REINFORCE"
        long.environmentName = "cliffwalking"
        long.seed = 1
        long.step = 12_139_220
        long.episode = 820_435
        long.stepsPerSecond = 472_300
        #expect(DashboardScreen(model: long).status(width: 100, glyphs: unicode).text(width: 100, glyphs: unicode)
            == " cliffwalking · REINFORCE · seed 1 · ▶ training       step 12,139,220 · ep 820,435 · 472.3k steps/s ")
        #expect(DashboardScreen.grouped(1_234_567) == "1,234,567")
        #expect(DashboardScreen.grouped(-999) == "-999")
        #expect(DashboardScreen.rate(8_200) == "8.2k")
        #expect(DashboardScreen.rate(3.14) == "3.1")
        #expect(DashboardScreen.rate(2_500_000) == "2.5M")
    }

    @Test("a message replaces the key hints on the bottom row; paused, space says run")
    func bottomRow() {
        var model = DashboardSamples.cliff
        model.message = "checkpoint saved to run/model.safetensors"
        let lines = Self.render(model, width: 80, height: 24, theme: Rendering.asciiMono).lines
        #expect(lines[23].hasPrefix(" checkpoint saved to run/model.safetensors "))
        model.message = nil
        model.runState = .paused
        #expect(Self.render(model, width: 80, height: 24, theme: Rendering.asciiMono).lines[23].hasPrefix(" space run  . step"))
    }

    @Test("each environment scene and value view draws in its panel")
    func scenes() throws {
        var model = DashboardSamples.cliff
        model.scene = .bitFlip(BitFlipView(bits: [true, false], goal: [true, true]))
        model.values = .unavailable("2^n states: no map of values")
        let lines = Self.render(model, width: 80, height: 24, theme: Rendering.asciiMono).lines
        #expect(lines[2].hasPrefix("| state 1 0 "))
        #expect(lines[13].hasPrefix("| 2^n states: no map of values "))
        model.scene = .chain(ChainView(states: 5, position: 2))
        #expect(Self.render(model, width: 80, height: 24, theme: Rendering.asciiMono).lines
            .contains { $0.hasPrefix("|            S . @ . G") })
    }

    @Test("below 80×24 only the too-small notice; any larger size draws without leaving the screen",
          arguments: [(79, 24), (80, 23), (81, 25), (100, 30), (200, 60), (80, 50)])
    func sizes(width: Int, height: Int) {
        for model in [DashboardSamples.cliff, DashboardSamples.cartPole] {
            let surface = Self.render(model, width: width, height: height, theme: Rendering.asciiMono)
            if width < 80 || height < 24 {
                #expect(surface == Rendering.surface(TooSmallNotice(), width: width, height: height, theme: Rendering.asciiMono))
            } else {
                #expect(surface.lines[0].hasPrefix(" rlterm | "))
                #expect(surface.lines.joined().allSatisfy { $0.isASCII })
            }
        }
    }
}
