import Testing
import TerminalUI

@Suite("Screen layout")
struct ScreenLayoutTests {
    @Test("80×24: status and hint rows, a 36-column left side, panels split in half")
    func minimum() throws {
        let layout = try #require(ScreenLayout(width: 80, height: 24))
        #expect(layout.status == Rect(x: 0, y: 0, width: 80, height: 1))
        #expect(layout.environment == Rect(x: 0, y: 1, width: 36, height: 11))
        #expect(layout.heatmap == Rect(x: 0, y: 12, width: 36, height: 11))
        #expect(layout.plot == Rect(x: 36, y: 1, width: 44, height: 11))
        #expect(layout.parameters == Rect(x: 36, y: 12, width: 44, height: 11))
        #expect(layout.hints == Rect(x: 0, y: 23, width: 80, height: 1))
    }

    @Test("120×40: every panel grows")
    func larger() throws {
        let layout = try #require(ScreenLayout(width: 120, height: 40))
        #expect(layout.environment == Rect(x: 0, y: 1, width: 54, height: 19))
        #expect(layout.heatmap == Rect(x: 0, y: 20, width: 54, height: 19))
        #expect(layout.plot == Rect(x: 54, y: 1, width: 66, height: 19))
        #expect(layout.parameters == Rect(x: 54, y: 20, width: 66, height: 19))
        #expect(layout.hints == Rect(x: 0, y: 39, width: 120, height: 1))
    }

    @Test("one row or column short of 80×24 there is no layout")
    func belowMinimum() {
        #expect(ScreenLayout(width: 79, height: 24) == nil)
        #expect(ScreenLayout(width: 80, height: 23) == nil)
    }
}
