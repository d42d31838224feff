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

    @Test("without colour, ASCII shades .:*# carry the value, walls stay blank, arrows sit in the middle")
    func asciiShades() {
        #expect(Rendering.lines(heatmap, width: 20, height: 3, theme: Rendering.asciiMono) == [
            "..>..::>::**>**##v##",
            "     ##^##     .....",
            "0.00 ..::**## 3.00  ",
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

    @Test("numbers are shown after the arrow when asked for and when every cell's number fits")
    func numbers() {
        var withNumbers = heatmap
        withNumbers.showNumbers = true
        withNumbers.showLegend = false
        #expect(Rendering.lines(withNumbers, width: 20, height: 2, theme: Rendering.asciiMono) == [
            ">0.00>1.00>2.00v3.00",
            "     ^3.00     0.00.",
        ])
        #expect(Rendering.lines(withNumbers, width: 8, height: 1, theme: Rendering.asciiMono) == [">.>:>*v#"])
        let mixed = Heatmap(values: [[1, -13]], showNumbers: true, showLegend: false)
        #expect(Rendering.lines(mixed, width: 8, height: 1, theme: Rendering.asciiMono) == ["####...."])
        #expect(Rendering.lines(mixed, width: 10, height: 1, theme: Rendering.asciiMono) == ["1.00#-13.0"])
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
        #expect(Rendering.lines(map, width: 8, height: 1, theme: Rendering.asciiMono) == ["...***  "])
    }

    @Test("grid rows that do not fit are cut and the legend keeps the last row")
    func clipping() {
        let lines = Rendering.lines(heatmap, width: 8, height: 2, theme: Rendering.asciiMono)
        #expect(lines == [">.>:>*v#", "0.00 ..:"])
        #expect(Rendering.lines(Heatmap(values: []), width: 4, height: 2, theme: Rendering.asciiMono) == ["    ", "    "])
    }
}
