import Testing
import TerminalUI

@Suite("Feature maps and the labelled action values")
struct FeatureMapGridTests {
    /// Two 2 × 2 maps: the first 0, 1, 2, 4; the second all 0.
    static let small = FeatureMapGrid(values: [0, 1, 2, 4, 0, 0, 0, 0], count: 2, height: 2, width: 2)

    @Test("one scale for all maps: blank at 0, then the shades in equal steps up to the largest activation")
    func shades() {
        #expect(Self.small.maximum == 4)
        #expect(Rendering.lines(Self.small, width: 6, height: 4, theme: Rendering.unicodeMono) == [
            "0  1  ", " ▒    ", "▓█    ", "0 ░▒▓█",
        ])
        // ASCII's nine shades: 1/4 of the top is in the third step, 2/4 in the fifth.
        #expect(Rendering.lines(Self.small, width: 6, height: 3, theme: Rendering.asciiMono) == [
            "0  1  ", " -    ", "+@    ",
        ])
    }

    @Test("as many maps as fit, then how many more there are on the legend line; none at all when a tile cannot fit")
    func degrades() {
        let maps = FeatureMapGrid(values: (0..<(16 * 64)).map { Double($0 % 7) }, count: 16, height: 8, width: 8)
        let lines = Rendering.lines(maps, width: 40, height: 20, theme: Rendering.asciiMono)
        #expect(lines[0].hasPrefix("0        1        2        3"))
        #expect(lines[9].hasPrefix("4        5        6        7"))
        #expect(lines[19] == "0 .:-=+*#%@ 6.00 for all maps     8 more")
        #expect(Rendering.lines(maps, width: 60, height: 20, theme: Rendering.asciiMono)[19].hasSuffix(" 4 more"))
        let tiny = Rendering.lines(maps, width: 40, height: 8, theme: Rendering.asciiMono)
        #expect(tiny.last?.hasSuffix(" 16 more") == true)
        #expect(tiny.dropLast().allSatisfy { $0.allSatisfy { $0 == " " } })
    }

    @Test("in 256 colours with Unicode, a cell is two pixels: the upper half block in the top's grey on the bottom's")
    func halfBlocks() {
        let surface = Rendering.surface(Self.small, width: 6, height: 3, theme: Rendering.unicode256)
        // 2 × 2 maps take one row of cells under their index; all 16 of a 4 × 4 grid of 8 × 8 maps fit in 20 rows.
        #expect(surface.cell(x: 0, y: 1) == Cell("▀", style: Style(foreground: .indexed(232), background: .indexed(243))))
        #expect(surface.cell(x: 1, y: 1) == Cell("▀", style: Style(foreground: .indexed(237), background: .indexed(255))))
        #expect(surface.cell(x: 3, y: 1)?.style.background == .indexed(232))
        let maps = FeatureMapGrid(values: [Double](repeating: 1, count: 16 * 64), count: 16, height: 8, width: 8)
        let lines = Rendering.lines(maps, width: 40, height: 20, theme: Rendering.unicode256)
        #expect(lines[15].hasPrefix("12       13       14       15"))
        #expect(!lines.joined().contains("more"))
    }

    @Test("a note takes the maps' place")
    func note() {
        let note = FeatureMapGrid(values: [], count: 16, height: 8, width: 8, note: "of the newest frame only")
        #expect(Rendering.lines(note, width: 12, height: 2, theme: Rendering.asciiMono) == ["of the      ", "newest frame"])
    }

    @Test("each action's figure beside its name, the best marked and bold; in columns when the rows are few; a note under them")
    func actionValues() {
        let list = ActionValueList(names: ["noop", "left", "up"], values: [0.5, 1.25, -3])
        #expect(list.best == 1)
        #expect(Rendering.lines(list, width: 14, height: 3, theme: Rendering.unicodeMono) == [
            "  noop  0.50  ", "▸ left  1.25  ", "  up   -3.00  ",
        ])
        let surface = Rendering.surface(list, width: 14, height: 3, theme: Rendering.unicodeMono)
        #expect(surface.cell(x: 2, y: 1)?.style == Style.bold && surface.cell(x: 2, y: 0)?.style == Style.plain)
        #expect(Rendering.lines(list, width: 30, height: 2, theme: Rendering.asciiMono) == [
            "  noop  0.50    up   -3.00    ", "> left  1.25                  ",
        ])
        let noted = ActionValueList(names: ["noop", "left", "up"], values: [0.5, 1.25, -3], note: "no convolution here")
        #expect(Rendering.lines(noted, width: 30, height: 3, theme: Rendering.asciiMono) == [
            "  noop  0.50    up   -3.00    ", "> left  1.25                  ", "no convolution here           ",
        ])
        #expect(ActionValueList(names: ["a"], values: [1, .nan, 1]).best == 0)
    }
}
