import Testing
import TerminalUI

@Suite("Heatmap: colour ramp, shades, arrows, legend")
struct HeatmapTests {
    let heatmap = Heatmap(values: [[0, 1, 2, 3], [nil, 3, nil, 0]],
                          arrows: [[.right, .right, .right, .down], [nil, .up]])

    @Test("values fall into equal-width levels; the top value is in the top level, outliers clamp")
    func rampLevels() {
        #expect(ColorRamp.level(of: 0, in: 0...1, levels: 10) == 0)
        #expect(ColorRamp.level(of: 0.5, in: 0...1, levels: 10) == 5)
        #expect(ColorRamp.level(of: 0.999, in: 0...1, levels: 10) == 9)
        #expect(ColorRamp.level(of: 1, in: 0...1, levels: 10) == 9)
        #expect(ColorRamp.level(of: -5, in: 0...1, levels: 10) == 0)
        #expect(ColorRamp.level(of: 7, in: 0...1, levels: 4) == 3)
        #expect(ColorRamp.level(of: -13, in: -20...(-10), levels: 4) == 2)
        #expect(ColorRamp.level(of: 2, in: 2...2, levels: 10) == 4)
        #expect(ColorRamp.level(of: .nan, in: 0...1, levels: 10) == 0)
    }

    @Test("the ramps have one readable foreground per background")
    func ramps() {
        #expect(ColorRamp.viridis256.levels == 10)
        #expect(ColorRamp.viridis256.foregrounds.count == 10)
        #expect(ColorRamp.basic8.backgrounds == [.blue, .cyan, .green, .yellow])
        #expect(ColorRamp.basic8.foregrounds.count == 4)
    }

    @Test("without colour, the nine ASCII shades .:-=+*#%@ carry the value, walls stay blank, arrows sit in the middle")
    func asciiShades() {
        #expect(Rendering.lines(heatmap, width: 20, height: 3, theme: Rendering.asciiMono) == [
            "..>..==>==##>##@@v@@",
            "     @@^@@     .....",
            "0.00 .:-=+*#%@ 3.00 ",
        ])
    }

    @Test("without colour under UTF-8, shade blocks and arrows")
    func unicodeShades() {
        #expect(Rendering.lines(heatmap, width: 20, height: 3, theme: Rendering.unicodeMono) == [
            "░░→░░▒▒→▒▒▓▓→▓▓██↓██",
            "     ██↑██     ░░░░░",
            "0.00 ░░▒▒▓▓██ 3.00  ",
        ])
    }

    @Test("the legend of a diverged range prints its ends as 5.8e10 and drops levels, then the high end, to fit")
    func hugeLegend() {
        let legend = ColorScaleLegend(range: -57_883_124_000...3)
        #expect(Rendering.lines(legend, width: 30, height: 1, theme: Rendering.asciiMono)
            == ["-5.8e10 .:-=+*#%@ 3.00        "])
        #expect(Rendering.lines(legend, width: 20, height: 1, theme: Rendering.asciiMono) == ["-5.8e10 .:-+*#@ 3.00"])
        #expect(Rendering.lines(legend, width: 10, height: 1, theme: Rendering.asciiMono) == ["-5.8e10 .@"])
        #expect(Rendering.lines(legend, width: 8, height: 1, theme: Rendering.asciiMono) == ["-5.8e10 "])
    }

    @Test("numbers are shown after the arrow when asked for and when every cell's number fits")
    func numbers() {
        var withNumbers = heatmap
        withNumbers.showNumbers = true
        withNumbers.showLegend = false
        #expect(Rendering.lines(withNumbers, width: 20, height: 2, theme: Rendering.asciiMono) == [
            ">0.00>1.00>2.00v3.00",
            "     ^3.00     0.00.",
        ])
        #expect(Rendering.lines(withNumbers, width: 8, height: 1, theme: Rendering.asciiMono) == [">.>=>#v@"])
        let mixed = Heatmap(values: [[1, -13]], showNumbers: true, showLegend: false)
        #expect(Rendering.lines(mixed, width: 8, height: 1, theme: Rendering.asciiMono) == ["@@@@...."])
        #expect(Rendering.lines(mixed, width: 10, height: 1, theme: Rendering.asciiMono) == ["1.00@-13.0"])
    }

    @Test("in 256 colours each cell's background is its viridis level, with a readable arrow colour")
    func colours256() {
        let surface = Rendering.surface(heatmap, width: 20, height: 3, theme: Rendering.unicode256)
        #expect(surface.lines == [
            "  →    →    →    ↓  ",
            "       ↑            ",
            "0.00            3.00",
        ])
        #expect(surface.cell(x: 0, y: 0)?.style == Style(foreground: .indexed(231), background: .indexed(53)))
        #expect(surface.cell(x: 7, y: 0)?.style.background == .indexed(24))
        #expect(surface.cell(x: 12, y: 0)?.style.background == .indexed(72))
        #expect(surface.cell(x: 17, y: 0)?.style == Style(foreground: .indexed(16), background: .indexed(220)))
        #expect(surface.cell(x: 0, y: 1)?.style == .plain)
        #expect((5..<15).map { surface.cell(x: $0, y: 2)?.style.background } == ColorRamp.viridis256.backgrounds)
    }

    @Test("in 8 colours the four levels are blue, cyan, green, yellow, two legend cells each")
    func colours8() {
        let surface = Rendering.surface(heatmap, width: 20, height: 3, theme: Rendering.unicode8)
        #expect([0, 5, 10, 15].map { surface.cell(x: $0, y: 0)?.style.background } == [.blue, .cyan, .green, .yellow])
        #expect((5..<13).map { surface.cell(x: $0, y: 2)?.style.background }
            == [.blue, .blue, .cyan, .cyan, .green, .green, .yellow, .yellow])
    }

    @Test("a fixed range overrides the data's; cells are at most maxCellWidth wide")
    func fixedRangeAndWidth() {
        let map = Heatmap(values: [[0, 10]], range: 0...20, showLegend: false, maxCellWidth: 3)
        #expect(map.cellWidth(in: Rect(x: 0, y: 0, width: 40, height: 1)) == 3)
        #expect(Rendering.lines(map, width: 8, height: 1, theme: Rendering.asciiMono) == ["...+++  "])
    }

    @Test("grid rows that do not fit are cut and the legend keeps the last row")
    func clipping() {
        let lines = Rendering.lines(heatmap, width: 8, height: 2, theme: Rendering.asciiMono)
        // Too narrow for the high end: the legend keeps the scale's lowest, middle and highest levels.
        #expect(lines == [">.>=>#v@", "0.00 .+@"])
        #expect(Rendering.lines(Heatmap(values: []), width: 4, height: 2, theme: Rendering.asciiMono) == ["    ", "    "])
    }

    @Test("a marked cell shows the agent glyph in reverse video over its own fill (O in ASCII)")
    func marked() {
        let map = Heatmap(values: [[0, 1, 2, 3]], showLegend: false, marked: GridPosition(row: 0, column: 1))
        #expect(Rendering.lines(map, width: 8, height: 1, theme: Rendering.unicodeMono) == ["░░●▒▓▓██"])
        #expect(Rendering.lines(map, width: 8, height: 1, theme: Rendering.asciiMono) == ["..O=##@@"])
        let colour = Rendering.surface(map, width: 8, height: 1, theme: Rendering.unicode256)
        #expect(colour.cell(x: 2, y: 0)?.style.attributes == [.bold, .reverse])
        #expect(colour.cell(x: 2, y: 0)?.style.background == colour.cell(x: 3, y: 0)?.style.background)
    }

    @Test("each view's label, spelled in ASCII when needed")
    func modeLabels() {
        let (unicode, ascii) = (Glyphs(charset: .unicode), Glyphs(charset: .ascii))
        #expect(HeatmapMode.maxQ.label(glyphs: unicode) == "max_a Q(s,a)")
        #expect(HeatmapMode.actionValue(action: "←").label(glyphs: unicode) == "Q(s,←)")
        #expect(HeatmapMode.actionValue(action: "←").label(glyphs: ascii) == "Q(s,<-)")
        #expect(HeatmapMode.stateValue.label(glyphs: unicode) == "V(s)")
        #expect(HeatmapMode.policy(action: nil).label(glyphs: unicode) == "π(a|s)")
        #expect(HeatmapMode.policy(action: "right").label(glyphs: ascii) == "pi(right|s)")
        #expect(HeatmapMode.errorToOptimal.label(glyphs: unicode) == "|Q−Q*|")
        #expect(HeatmapMode.errorToOptimal.label(glyphs: ascii) == "|Q-Q*|")
    }

    @Test("the CartPole slice: θ̇ labels on the left, θ axis and legend under the grid, the state marked")
    func cartPoleSlice() {
        let slice = SliceHeatmap(values: [[0, 1, 2], [1, 2, 3], [2, 3, 4]], horizontalRange: -0.2...0.2,
                                  verticalRange: -1...1, state: (horizontal: 0.2, vertical: 0))
        #expect(slice.markedCell == GridPosition(row: 1, column: 2))
        #expect(Rendering.lines(slice, width: 24, height: 5, theme: Rendering.unicodeMono) == [
            " 1.00 ░░░░░░▒▒▒▒▒▒▓▓▓▓▓▓",
            "    θ̇ ▒▒▒▒▒▒▓▓▓▓▓▓██●███",
            "-1.00 ▓▓▓▓▓▓████████████",
            "      -0.20   θ     0.20",
            "      0.00 ░░▒▒▓▓██ 4.00",
        ])
        var outside = slice
        outside.state = (horizontal: 0.3, vertical: 0)
        #expect(outside.markedCell == nil)
    }
}
