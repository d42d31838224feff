import Foundation
import Testing
import TerminalUI

/// On a 21 × 9 area the grid is 42 × 36 dots, the pivot at dot (21, 18) in cell (10, 4), a link 8.5 dots
/// long, and the line one link above the pivot on dot row round(9.5) = 10, cell row 2.
@Suite("Acrobot view: two links at their true angles under the line to swing above")
struct AcrobotViewTests {
    @Test("hanging straight down: one column of link under the pivot, the tip two links below it")
    func hanging() {
        let view = AcrobotView(theta1: 0, theta2: 0)
        let blank = String(repeating: " ", count: 21)
        let column = { (glyph: String) in
            String(repeating: " ", count: 10) + glyph + String(repeating: " ", count: 10)
        }
        #expect(Rendering.lines(view, width: 21, height: 9, theme: Rendering.asciiMono) == [
            blank, blank, String(repeating: ".", count: 21), blank,
            column("+"), column("|"), column("|"), column("|"), column("o"),
        ])
        // Braille: the dotted line is dot 3 of every cell; the links are the right-hand dot column of cell 10.
        let unicode = Rendering.lines(view, width: 21, height: 9, theme: Rendering.unicodeMono)
        #expect(unicode[2] == String(repeating: "⠄", count: 21))
        #expect(unicode[4...8].map { Array($0)[10] } == ["⢠", "⢸", "⢸", "⢸", "⢸"])
        #expect(unicode[4...8].allSatisfy { $0.filter { $0 != " " }.count == 1 })
    }

    @Test("swung up: the links cross the line and the tip is above it")
    func swungUp() {
        let lines = Rendering.lines(AcrobotView(theta1: Double.pi, theta2: 0), width: 21, height: 9,
                                    theme: Rendering.asciiMono)
        #expect(lines[0...4].map { Array($0)[10] } == ["o", "|", "|", "|", "+"])
        #expect(lines[2] == String(repeating: ".", count: 10) + "|" + String(repeating: ".", count: 10))
    }

    @Test("θ₁ = π/2 points the first link right; θ₂ = −π/2 then turns the second straight down")
    func angles() {
        let right = Rendering.lines(AcrobotView(theta1: Double.pi / 2, theta2: 0), width: 21, height: 9,
                                    theme: Rendering.asciiMono)
        #expect(right[4] == String(repeating: " ", count: 10) + "+" + String(repeating: "-", count: 8) + "o ")
        let elbow = AcrobotView(theta1: Double.pi / 2, theta2: -Double.pi / 2)
        #expect(abs(elbow.tip.x - 1) < 1e-12 && abs(elbow.tip.y + 1) < 1e-12)
        let lines = Rendering.lines(elbow, width: 21, height: 9, theme: Rendering.asciiMono)
        #expect(lines[5].contains("|") && lines[6].contains("o"))
    }
}
