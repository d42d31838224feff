import Testing
import TerminalUI

@Suite("Bit-flipping and Blind Cliffwalk views")
struct SmallEnvironmentViewTests {
    let bits = BitFlipView(bits: [true, false, true, true, false], goal: [true, true, true, false, false])

    @Test("bits over goal bits, differing bits marked underneath and counted")
    func bitFlip() {
        #expect(Rendering.lines(bits, width: 20, height: 4, theme: Rendering.unicodeMono) == [
            "state 1 0 1 1 0     ",
            "goal  1 1 1 0 0     ",
            "        ↑   ↑       ",
            "2 of 5 bits differ  ",
        ])
        #expect(Rendering.lines(bits, width: 20, height: 4, theme: Rendering.asciiMono)[2] == "        ^   ^       ")
        #expect(bits.differences == [1, 3])
        #expect(BitFlipView(bits: [true], goal: [true]).differences.isEmpty)
    }

    @Test("differing state bits are highlighted: a colour with colour, bold without")
    func highlight() {
        let colour = Rendering.surface(bits, width: 20, height: 4, theme: Rendering.unicode256)
        #expect(colour.cell(x: 8, y: 0)?.style.foreground == Rendering.unicode256.seriesColor(4))
        #expect(colour.cell(x: 6, y: 0)?.style == .plain)
        #expect(Rendering.surface(bits, width: 20, height: 4, theme: Rendering.asciiMono).cell(x: 8, y: 0)?.style == .bold)
    }

    @Test("too many bits for the width wrap into blocks one column apart")
    func wrapping() {
        let many = BitFlipView(bits: Array(repeating: false, count: 12), goal: [true, true, true] + Array(repeating: false, count: 9))
        #expect(Rendering.lines(many, width: 14, height: 7, theme: Rendering.asciiMono) == [
            "state 00000000",
            "goal  11100000",
            "      ^^^     ",
            "state 0000    ",
            "goal  0000    ",
            "              ",
            "3 of 12 bits d",
        ])
    }

    @Test("the chain is a row of states from S to G with the agent, and which state it is")
    func chain() {
        #expect(Rendering.lines(ChainView(states: 10, position: 3), width: 24, height: 2, theme: Rendering.unicodeMono) == [
            "  S · · ● · · · · · G   ",
            "     state 3 of 0…9     ",
        ])
        #expect(Rendering.lines(ChainView(states: 10, position: 3), width: 24, height: 2, theme: Rendering.asciiMono) == [
            "  S . . @ . . . . . G   ",
            "    state 3 of 0..9     ",
        ])
        #expect(Rendering.lines(ChainView(states: 30, position: 25), width: 12, height: 1, theme: Rendering.asciiMono)
            == [".......@...G"])
        #expect(Rendering.lines(ChainView(states: 4, position: nil), width: 12, height: 2, theme: Rendering.asciiMono)
            == ["  S . . G   ", "  4 states  "])
    }
}
