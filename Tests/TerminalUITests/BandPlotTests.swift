import Testing
import TerminalUI

@Suite("Learning curves with confidence bands over steps, and surfaces printed as text")
struct BandPlotTests {
    static let rising = BandCurve(label: "dqn", points: (0...4).map { index in
        let x = Double(index + 1) * 100
        return BandCurve.Point(x: x, value: Double(index * 10), low: Double(index * 10) - 5, high: Double(index * 10) + 5)
    })
    static let flat = BandCurve(label: "vpg", points: [BandCurve.Point(x: 100, value: 5, low: 0, high: 10),
                                                       BandCurve.Point(x: 300, value: 5, low: 0, high: 10)])

    @Test("a curve's samples interpolate its points and stop at its ends")
    func sampling() {
        #expect(Self.rising.sample(at: 99) == nil)
        #expect(Self.rising.sample(at: 150) == BandCurve.Point(x: 150, value: 5, low: 0, high: 10))
        #expect(Self.rising.sample(at: 500)?.value == 40)
        #expect(Self.rising.sample(at: 501) == nil)
    }

    @Test("one curve in ASCII: the band's edges in ':' around the curve in '*', the x axis in steps")
    func singleCurveASCII() {
        #expect(Rendering.lines(BandPlot(curves: [Self.rising]), width: 40, height: 8, theme: Rendering.asciiMono) == [
            " * dqn   band: 95% CI                   ",
            " 45.0                             ::::**",
            "                             :::******::",
            " 24.3                  :::******::::    ",
            "                 :::*******:::          ",
            "             :*******:::                ",
            "-5.00        **:::                      ",
            "      0            steps             500",
        ])
    }

    @Test("two curves without colour: no bands (they could not be told apart), one mark per curve, the curves' range")
    func twoCurvesMono() {
        let plot = BandPlot(curves: [Self.rising, Self.flat])
        #expect(!plot.drawsBands(theme: Rendering.asciiMono) && plot.drawsBands(theme: Rendering.unicode256))
        // The legend's note on the missing bands does not fit in 40 columns and is left out whole.
        #expect(Rendering.lines(plot, width: 40, height: 6, theme: Rendering.asciiMono) == [
            " * dqn  o vpg                           ",
            "40.0                             *******",
            "                          ********      ",
            "                  ********              ",
            "0.00        oooooooooooooo              ",
            "     0             steps             500",
        ])
        #expect(Rendering.lines(plot, width: 72, height: 6, theme: Rendering.asciiMono)[0]
            .hasPrefix(" * dqn  o vpg   no bands without colour (--csv) "))
    }

    @Test("in colour each curve is bold in its colour and its band dim in the same colour; the second curve stops at its end")
    func colour() {
        let surface = Rendering.surface(BandPlot(curves: [Self.rising, Self.flat]), width: 40, height: 8,
                                        theme: Rendering.unicode256)
        let cells = (1..<7).flatMap { y in (0..<40).compactMap { surface.cell(x: $0, y: y) } }
            .filter { $0.character.unicodeScalars.first.map { (0x2801...0x28FF).contains($0.value) } ?? false }
        let styles = Set(cells.map(\.style))
        #expect(styles.isSubset(of: [Style(foreground: .indexed(75), attributes: .bold), Style(foreground: .indexed(75), attributes: .dim),
                                     Style(foreground: .indexed(214), attributes: .bold), Style(foreground: .indexed(214), attributes: .dim)]))
        #expect(styles.count == 4)
        let lines = surface.lines
        #expect(lines[0].hasPrefix(" ─ dqn  ─ vpg   band: 95% CI"))
        // The flat curve ends at step 300 of 500: nothing of it in the last columns.
        let lastColumns = (1..<7).flatMap { y in (34..<40).compactMap { surface.cell(x: $0, y: y) } }
        #expect(!lastColumns.contains { $0.style.foreground == .indexed(214) })
    }

    @Test("nothing to draw says so")
    func empty() {
        let lines = Rendering.lines(BandPlot(curves: [BandCurve(label: "x", points: [])]), width: 30, height: 4,
                                    theme: Rendering.asciiMono)
        #expect(lines[0].hasPrefix("No run reaches a point where"))
    }

    @Test("a surface prints as text: trailing blanks dropped, SGR sequences per style run only when asked")
    func textLines() {
        var surface = MemorySurface(width: 8, height: 2)
        surface.put("ab", x: 0, y: 0)
        surface.put("c", x: 2, y: 0, style: Style(foreground: .indexed(75), attributes: .bold))
        surface.put("d", x: 3, y: 0, style: Style(foreground: .red, background: .indexed(9), attributes: .dim))
        #expect(surface.textLines(escapes: false) == ["abcd", ""])
        #expect(surface.textLines(escapes: true) == ["ab\u{1B}[0;1;38;5;75mc\u{1B}[0;2;31;101md\u{1B}[0m", ""])
    }
}
