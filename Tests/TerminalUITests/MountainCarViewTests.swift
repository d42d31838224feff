import Foundation
import Testing
import TerminalUI

@Suite("MountainCar view: the hill y = sin(3x), the car on it and the flag")
struct MountainCarViewTests {
    static let (width, height) = (37, 7)

    /// The column and row of the first cell showing `glyph`.
    static func find(_ glyph: Character, in lines: [String]) -> (column: Int, row: Int)? {
        for (row, line) in lines.enumerated() {
            if let column = Array(line).firstIndex(of: glyph) { return (column, row) }
        }
        return nil
    }

    @Test("the valley's floor (x = −π/6) is on the bottom hill row, the hilltop (x = π/6) one row below the top")
    func hillShape() {
        for theme in [Rendering.asciiMono, Rendering.unicodeMono] {
            let lines = Rendering.lines(MountainCarView(position: 0), width: Self.width, height: Self.height,
                                        theme: theme)
            let column = { (x: Double) in Int((x + 1.2) / 1.8 * Double(Self.width)) }
            #expect(Array(lines[5])[column(-Double.pi / 6)] != " ")
            #expect(Array(lines[1])[column(Double.pi / 6)] != " ")
            #expect(lines[0].filter { $0 != " " && $0 != "F" && $0 != "⚑" && $0 != "@" && $0 != "●" }.isEmpty)
        }
    }

    @Test("the car sits on the hill at its x and the flag above x = 0.5; the scale gives the track's ends")
    func carFlagAndScale() throws {
        let lines = Rendering.lines(MountainCarView(position: -0.9), width: Self.width, height: Self.height,
                                    theme: Rendering.asciiMono)
        let car = try #require(Self.find("@", in: lines))
        let flag = try #require(Self.find("F", in: lines))
        #expect(car.column == Int(0.3 / 1.8 * Double(Self.width)))
        #expect(flag.column == Int(1.7 / 1.8 * Double(Self.width)))
        for mark in [car, flag] {
            #expect(Array(lines[mark.row + 1])[mark.column] != " ", "the hill is right under \(mark)")
        }
        #expect(lines[6].hasPrefix("-1.20") && lines[6].hasSuffix("0.60"))
        let unicode = Rendering.lines(MountainCarView(position: -0.9), width: Self.width, height: Self.height,
                                      theme: Rendering.unicodeMono)
        #expect(Self.find("●", in: unicode)?.column == car.column)
        #expect(Self.find("⚑", in: unicode)?.column == flag.column)
    }

    @Test("braille dots trace the hill: one or more per dot column, joined where it is steep")
    func dots() {
        let view = MountainCarView(position: 0)
        let grid = view.hillDots(columns: 10, rows: 3, margin: 4)
        for x in 0..<grid.dotWidth {
            #expect((0..<grid.dotHeight).contains { grid.isRaised(x: x, y: $0) }, "column \(x)")
        }
        #expect((0..<4).allSatisfy { y in (0..<grid.dotWidth).allSatisfy { !grid.isRaised(x: $0, y: y) } })
    }
}
