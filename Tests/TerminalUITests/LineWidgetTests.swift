import Testing
import TerminalUI

@Suite("Status line, key hints and the too-small notice")
struct LineWidgetTests {
    @Test("left and right texts sit at the edges with a one-space margin")
    func statusFits() {
        let line = StatusLine(left: "rlterm", right: "ep 4")
        #expect(Rendering.lines(line, width: 20, height: 1, theme: Rendering.asciiMono) == [" rlterm        ep 4 "])
    }

    @Test("when both do not fit, the left text is cut with an ellipsis and the right one kept")
    func statusTruncatesLeft() {
        let line = StatusLine(left: "rlterm | cliff | DQN", right: "8.2k/s")
        #expect(line.text(width: 20, glyphs: Glyphs(charset: .ascii)) == " rlterm |... 8.2k/s ")
        #expect(line.text(width: 20, glyphs: Glyphs(charset: .unicode)) == " rlterm | c… 8.2k/s ")
    }

    @Test("a right text wider than the line is cut and the left text dropped")
    func statusTruncatesRight() {
        let line = StatusLine(left: "rlterm", right: "12345678")
        #expect(line.text(width: 6, glyphs: Glyphs(charset: .ascii)) == " 1... ")
        #expect(line.text(width: 0, glyphs: Glyphs(charset: .ascii)) == "")
    }

    @Test("key hints that do not fit are left out whole, from the end")
    func keyHints() {
        let hints = KeyHintLine([KeyHint("space", "pause"), KeyHint(".", "step"), KeyHint("n", "episode"),
                                 KeyHint("q", "quit")])
        #expect(Rendering.lines(hints, width: 30, height: 1, theme: Rendering.asciiMono)
            == [" space pause  . step          "])
        #expect(Rendering.lines(hints, width: 40, height: 1, theme: Rendering.asciiMono)
            == [" space pause  . step  n episode  q quit "])
    }

    @Test("keys are drawn in the key style and actions in the label style")
    func keyHintStyles() {
        let theme = Rendering.unicode256
        let surface = Rendering.surface(KeyHintLine([KeyHint("q", "quit")]), width: 10, height: 1, theme: theme)
        #expect(surface.cell(x: 1, y: 0)?.style == theme.keyStyle)
        #expect(surface.cell(x: 3, y: 0)?.style == theme.labelStyle)
        #expect(theme.keyStyle.attributes.contains(.bold))
    }

    @Test("below the minimum size the notice says what is needed, centred")
    func tooSmall() {
        #expect(Rendering.lines(TooSmallNotice(), width: 40, height: 5, theme: Rendering.asciiMono) == [
            "                                        ",
            "           rlterm needs 80x24           ",
            "          this window is 40x5           ",
            "         enlarge it to continue         ",
            "                                        ",
        ])
        #expect(Rendering.lines(TooSmallNotice(), width: 20, height: 1, theme: Rendering.unicodeMono)
            == [" rlterm needs 80×24 "])
        #expect(Rendering.lines(TooSmallNotice(), width: 12, height: 1, theme: Rendering.asciiMono) == ["rlterm ne..."])
    }
}
