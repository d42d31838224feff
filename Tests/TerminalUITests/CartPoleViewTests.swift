import Testing
import TerminalUI

@Suite("CartPole view: track, cart and pole to scale")
struct CartPoleViewTests {
    @Test("upright in the middle: a vertical pole over the cart, the track's edges and scale below")
    func upright() {
        let view = CartPoleView(position: 0, angle: 0)
        #expect(Rendering.lines(view, width: 25, height: 7, theme: Rendering.unicodeMono) == [
            "                         ",
            "            ⢰            ",
            "            ⢸            ",
            "            ⢸            ",
            "           ███           ",
            "├───────────────────────┤",
            "-2.4        0         2.4",
        ])
        #expect(Rendering.lines(view, width: 25, height: 7, theme: Rendering.asciiMono) == [
            "                         ",
            "            |            ",
            "            |            ",
            "            |            ",
            "           [=]           ",
            "|-----------------------|",
            "-2.4        0         2.4",
        ])
    }

    @Test("a cart left of centre with the pole falling left: the line leans up-left from the pivot")
    func leaningLeft() {
        let view = CartPoleView(position: -1.2, angle: -0.6)
        #expect(Rendering.lines(view, width: 25, height: 7, theme: Rendering.unicodeMono)[1...4] == [
            "   ⢄                     ",
            "   ⠈⢢                    ",
            "     ⠱⡀                  ",
            "     ███                 ",
        ])
        #expect(Rendering.lines(view, width: 25, height: 7, theme: Rendering.asciiMono)[1...4] == [
            "   \\                     ",
            "   \\\\                    ",
            "     \\\\                  ",
            "     [=]                 ",
        ])
    }

    @Test("the pole is L = 1.0 / 4.8 of the track's dots long, shortened only when rows run out")
    func poleLength() {
        let view = CartPoleView(position: 0, angle: 0)
        // 48 dots of track: L = 10 dots, so dot rows 19 − 10 … 19 are raised in the pivot column.
        let tall = view.poleDots(columns: 24, rows: 5, pivot: 24)
        #expect((0..<20).filter { tall.isRaised(x: 24, y: $0) } == Array(9...19))
        let short = view.poleDots(columns: 24, rows: 2, pivot: 24)
        #expect((0..<8).filter { short.isRaised(x: 24, y: $0) } == Array(0...7))
    }

    @Test("x maps linearly from -2.4 at the first dot to 2.4 at the last, clamped beyond the edges")
    func mapping() {
        let view = CartPoleView(position: 0, angle: 0)
        #expect(view.dotColumn(of: -2.4, dotWidth: 49) == 0)
        #expect(view.dotColumn(of: 0, dotWidth: 49) == 24)
        #expect(view.dotColumn(of: 2.4, dotWidth: 49) == 48)
        #expect(view.dotColumn(of: 1.2, dotWidth: 49) == 36)
        #expect(view.dotColumn(of: 9, dotWidth: 49) == 48)
        #expect(view.dotColumn(of: -9, dotWidth: 49) == 0)
    }

    @Test("the ASCII pole glyph follows the angle: | near upright, / and \\ leaning, - near horizontal")
    func asciiGlyphs() {
        #expect(CartPoleView.asciiPole(angle: 0) == "|")
        #expect(CartPoleView.asciiPole(angle: 0.3) == "|")
        #expect(CartPoleView.asciiPole(angle: 0.6) == "/")
        #expect(CartPoleView.asciiPole(angle: -0.6) == "\\")
        #expect(CartPoleView.asciiPole(angle: 1.4) == "-")
        #expect(CartPoleView.asciiPole(angle: 2.4) == "\\")
        #expect(CartPoleView.asciiPole(angle: .pi) == "|")
    }

    @Test("a cart past the track's end stays on the track; a tiny area drops the scale first")
    func edges() {
        #expect(Rendering.lines(CartPoleView(position: 3, angle: 0), width: 12, height: 3, theme: Rendering.asciiMono) == [
            "           |",
            "         [=]",
            "|----------|",
        ])
        #expect(Rendering.lines(CartPoleView(position: 0, angle: 0), width: 2, height: 2, theme: Rendering.asciiMono)
            == ["  ", "  "])
    }
}
