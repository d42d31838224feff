import Testing
import TerminalUI

@Suite("Rect layout arithmetic")
struct RectTests {
    let screen = Rect(x: 0, y: 0, width: 80, height: 24)

    @Test("a fractional column split rounds to the nearest cell and covers the whole width")
    func fractionSplit() {
        let (left, right) = screen.splitColumns(.fraction(0.45))
        #expect(left == Rect(x: 0, y: 0, width: 36, height: 24))
        #expect(right == Rect(x: 36, y: 0, width: 44, height: 24))
    }

    @Test("fixed row splits give the first or last part its length, clamped to what there is")
    func fixedSplits() {
        #expect(screen.splitRows(.first(1)).top == Rect(x: 0, y: 0, width: 80, height: 1))
        #expect(screen.splitRows(.last(1)).bottom == Rect(x: 0, y: 23, width: 80, height: 1))
        #expect(screen.splitRows(.last(30)).top.height == 0)
        #expect(screen.splitRows(.first(30)).bottom == Rect(x: 0, y: 24, width: 80, height: 0))
        #expect(screen.splitColumns(.fraction(-1)).left.width == 0)
    }

    @Test("insetting shrinks every side and never produces a negative size")
    func inset() {
        let box = Rect(x: 2, y: 3, width: 10, height: 4)
        #expect(box.inset(by: 1) == Rect(x: 3, y: 4, width: 8, height: 2))
        #expect(box.inset(horizontal: 2, vertical: 0) == Rect(x: 4, y: 3, width: 6, height: 4))
        #expect(box.inset(by: 3).height == 0)
        #expect(box.inset(by: 3).isEmpty)
    }

    @Test("intersections: the overlap, or an empty rect when there is none")
    func intersection() {
        let a = Rect(x: 0, y: 0, width: 10, height: 10)
        #expect(a.intersection(Rect(x: 5, y: 8, width: 10, height: 10)) == Rect(x: 5, y: 8, width: 5, height: 2))
        #expect(a.intersection(Rect(x: 10, y: 0, width: 3, height: 3)).isEmpty)
    }

    @Test("row picks one line of the rect, or nothing outside it")
    func row() {
        let box = Rect(x: 1, y: 2, width: 5, height: 3)
        #expect(box.row(2) == Rect(x: 1, y: 4, width: 5, height: 1))
        #expect(box.row(3).isEmpty)
        #expect(box.row(-1).isEmpty)
    }
}
