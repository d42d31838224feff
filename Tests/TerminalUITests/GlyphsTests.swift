import Testing
import TerminalUI

@Suite("Glyph tables, colours and number labels")
struct GlyphsTests {
    @Test("braille characters are U+2800 plus the dot bits")
    func braille() {
        #expect(Glyphs.braille(0) == "\u{2800}")
        #expect(Glyphs.braille(0x01) == "⠁")
        #expect(Glyphs.braille(0x40) == "⡀")
        #expect(Glyphs.braille(0xFF) == "⣿")
    }

    @Test("the ASCII table uses only printable ASCII and mirrors the Unicode one entry by entry")
    func asciiTable() {
        let ascii = Glyphs(charset: .ascii), unicode = Glyphs(charset: .unicode)
        let asciiGlyphs = [ascii.horizontal, ascii.vertical, ascii.topLeft, ascii.topRight, ascii.bottomLeft,
                           ascii.bottomRight, ascii.marker, ascii.times] + ascii.shades + Arrow.allCases.map(ascii.arrow)
        #expect(asciiGlyphs.allSatisfy { $0.isASCII && !$0.isWhitespace })
        #expect(String(asciiGlyphs) == "-|++++|x.:-=+*#%@^>v<")
        #expect(String(unicode.shades) == "░▒▓█")
        #expect(String(Arrow.allCases.map(unicode.arrow)) == "↑→↓←")
        #expect((ascii.ellipsis + ascii.separator).allSatisfy { $0.isASCII })
    }

    @Test("truncation keeps short text and ends cut text in the charset's ellipsis")
    func truncate() {
        let ascii = Glyphs(charset: .ascii), unicode = Glyphs(charset: .unicode)
        #expect(ascii.truncate("hello", to: 5) == "hello")
        #expect(ascii.truncate("hello world", to: 8) == "hello...")
        #expect(unicode.truncate("hello world", to: 8) == "hello w…")
        #expect(ascii.truncate("hello", to: 2) == "he")
        #expect(ascii.truncate("hello", to: 0) == "")
    }

    @Test("256-palette colours degrade to the nearest basic colour, and to the default without colour")
    func degrade() {
        #expect(Color.indexed(196).degraded(to: .eight) == .red)
        #expect(Color.indexed(231).degraded(to: .eight) == .white)
        #expect(Color.indexed(16).degraded(to: .eight) == .black)
        #expect(Color.indexed(27).degraded(to: .eight) == .blue)
        #expect(Color.indexed(9).degraded(to: .eight) == .red)
        #expect(Color.indexed(196).degraded(to: .indexed256) == .indexed(196))
        #expect(Color.indexed(3).degraded(to: .none) == .terminalDefault)
    }

    @Test("number labels stay within five characters below 10⁵, seven beyond, with precision matched to magnitude")
    func labels() {
        let cases: [(Double, String)] = [(0, "0.00"), (-0.0, "0.00"), (0.95, "0.95"), (-3.2, "-3.20"), (-13, "-13.0"),
                                         (99.96, "100"), (500, "500"), (-9999, "-9999"), (12_345, "12k"),
                                         (99_499, "99k"), (99_999, "1.0e5"), (-57_883_124_000, "-5.8e10"),
                                         (2e5, "2.0e5")]
        for (value, label) in cases {
            #expect(ValueLabel.compact(value) == label, "value \(value)")
        }
    }
}
