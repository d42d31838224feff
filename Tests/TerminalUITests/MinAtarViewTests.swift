import Testing
import TerminalUI

@Suite("MinAtar board and action bars")
struct MinAtarViewTests {
    static let breakout = MinAtarView(
        cells: DashboardSamples.board([
            "..........", "3333333333", "..........", "..........", "..........",
            "....2.....", ".....1....", "..........", "..........", "....0.....",
        ]),
        channelNames: ["paddle", "ball", "trail", "brick"])

    @Test("without colour every channel of the largest game (10) has its own two characters, none a dot; ASCII stays ASCII")
    func monoGlyphsAreDistinct() {
        for theme in [Rendering.unicodeMono, Rendering.asciiMono] {
            let texts = (0..<10).map { MinAtarView.cell(channel: $0, theme: theme).text }
            #expect(Set(texts).count == 10)
            #expect(texts.allSatisfy { $0.count == 2 && !$0.contains(".") && !$0.contains("·") })
            if theme.charset == .ascii { #expect(texts.joined().allSatisfy { $0.isASCII }) }
        }
    }

    @Test("with colour every channel of the largest game has its own colour, in 256 and in 8 (with attributes)")
    func coloursAreDistinct() {
        for theme in [Rendering.unicode256, Rendering.unicode8] {
            let styles = (0..<10).map { MinAtarView.cell(channel: $0, theme: theme).style }
            #expect(Set(styles).count == 10)
            #expect(styles.allSatisfy { $0.foreground != .terminalDefault })
        }
    }

    @Test("two columns a cell, the cell's highest channel drawn, the empty cells dotted, the legend under the board")
    func board() {
        let lines = Rendering.lines(Self.breakout, width: 34, height: 12, theme: Rendering.asciiMono)
        #expect(lines[0] == " . . . . . . . . . .              ")
        #expect(lines[1] == "[][][][][][][][][][]              ")
        #expect(lines[5] == " . . . .~~ . . . . .              ")
        #expect(lines[6] == " . . . . .() . . . .              ")
        #expect(lines[9] == " . . . .## . . . . .              ")
        #expect(lines[10] == "## paddle  () ball  ~~ trail      ")
        #expect(lines[11] == "[] brick                          ")
        #expect(Self.breakout.height(width: 34) == 12)
        #expect(Self.breakout.height(width: 80) == 11)
        let colour = Rendering.surface(Self.breakout, width: 34, height: 12, theme: Rendering.unicode256)
        #expect(colour.cell(x: 10, y: 6)?.character == "█")
        #expect(colour.cell(x: 10, y: 6)?.style == MinAtarView.cell(channel: 1, theme: Rendering.unicode256).style)
        #expect(colour.cell(x: 8, y: 5)?.style == MinAtarView.cell(channel: 2, theme: Rendering.unicode256).style)
    }

    @Test("Q bars run from the smallest value (none) to the largest (full), the spread under them; ties are all full")
    func qBars() {
        let bars = ActionBars(title: "Q(s,a)", names: ["noop", "left", "up"], values: [1.0, 2.0, 1.5])
        #expect(bars.fractions == [0, 1, 0.5])
        #expect(ActionBars(title: "", names: [], values: [3, 3]).fractions == [1, 1])
        #expect(Rendering.lines(bars, width: 11, height: 5, theme: Rendering.asciiMono) == [
            "Q(s,a)     ", "noop       ", "left ######", "up   ###   ", "spread 1.00",
        ])
        // The figures are the value panel's: with room the bars grow, and no number follows them.
        #expect(Rendering.lines(bars, width: 24, height: 5, theme: Rendering.unicodeMono)[3] == "up   █████████▌         ")
    }

    @Test("probability bars run from 0 to 1; a note takes the bars' place; non-finite values draw no bars")
    func policyBarsAndNotes() {
        let policy = ActionBars(title: "π(a|s)", names: ["noop", "fire"], values: [0.25, 0.75], isProbability: true)
        #expect(Rendering.lines(policy, width: 13, height: 3, theme: Rendering.asciiMono) == [
            "pi(a|s)      ", "noop ##      ", "fire ######  ",
        ])
        let note = ActionBars(title: "Q(s,a)", names: ["noop"], values: [], note: "of the newest frame only")
        #expect(Rendering.lines(note, width: 11, height: 4, theme: Rendering.asciiMono) == [
            "Q(s,a)     ", "of the     ", "newest     ", "frame only ",
        ])
        let broken = ActionBars(title: "Q(s,a)", names: ["noop"], values: [.nan])
        #expect(Rendering.lines(broken, width: 11, height: 2, theme: Rendering.asciiMono)[1] == "none yet   ")
    }
}
