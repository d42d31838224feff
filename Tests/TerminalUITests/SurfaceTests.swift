import Testing
import TerminalUI

@Suite("Memory surface: writing, clipping, filling")
struct SurfaceTests {
    @Test("a new surface is blank and every line is exactly as wide as the surface")
    func blank() {
        let surface = MemorySurface(width: 4, height: 2)
        #expect(surface.lines == ["    ", "    "])
        #expect(surface.cell(x: 3, y: 1) == .blank)
    }

    @Test("text running off the right edge is cut there; put returns the column after the text")
    func clipRight() {
        var surface = MemorySurface(width: 5, height: 2)
        let end = surface.put("abcdefg", x: 2, y: 0)
        #expect(surface.lines == ["  abc", "     "])
        #expect(end == 9)
    }

    @Test("text starting left of the surface shows only its visible part")
    func clipLeft() {
        var surface = MemorySurface(width: 5, height: 1)
        surface.put("abcd", x: -2, y: 0)
        #expect(surface.lines == ["cd   "])
    }

    @Test("rows above or below the surface are ignored")
    func clipRows() {
        var surface = MemorySurface(width: 3, height: 1)
        surface.put("abc", x: 0, y: -1)
        surface.put("abc", x: 0, y: 1)
        surface.set(Cell("z"), x: 3, y: 0)
        #expect(surface.lines == ["   "])
        #expect(surface.cell(x: -1, y: 0) == nil)
    }

    @Test("a clip rect keeps text inside it")
    func clipRect() {
        var surface = MemorySurface(width: 6, height: 2)
        surface.put("abcdef", x: 0, y: 1, clip: Rect(x: 1, y: 1, width: 3, height: 1))
        surface.put("abcdef", x: 0, y: 0, clip: Rect(x: 1, y: 1, width: 3, height: 1))
        #expect(surface.lines == ["      ", " bcd  "])
    }

    @Test("fill covers the part of the rect inside the surface, with the style given")
    func fill() {
        var surface = MemorySurface(width: 5, height: 3)
        let style = Style(foreground: .red, attributes: .bold)
        surface.fill(Rect(x: 3, y: 1, width: 5, height: 5), with: Cell("#", style: style))
        #expect(surface.lines == ["     ", "   ##", "   ##"])
        #expect(surface.cell(x: 4, y: 2)?.style == style)
        #expect(surface.cell(x: 2, y: 2)?.style == .plain)
    }

    @Test("a frame's changed cells come out as runs of equal style; an unchanged frame sends nothing")
    func changedRuns() {
        var before = MemorySurface(width: 6, height: 2)
        before.put("hello", x: 0, y: 0)
        var after = before
        after.put("HE", x: 0, y: 0)
        after.put("!", x: 5, y: 0, style: .bold)
        after.put("x", x: 2, y: 1)
        #expect(after.changedRuns(since: before) == [
            CellRun(x: 0, y: 0, text: "HE", style: .plain),
            CellRun(x: 5, y: 0, text: "!", style: .bold),
            CellRun(x: 2, y: 1, text: "x", style: .plain),
        ])
        #expect(after.changedRuns(since: after).isEmpty)
    }

    @Test("a style change in the middle of changed cells splits the run")
    func runsSplitOnStyle() {
        let before = MemorySurface(width: 4, height: 1)
        var after = before
        after.put("ab", x: 0, y: 0)
        after.put("cd", x: 2, y: 0, style: .dim)
        #expect(after.changedRuns(since: before) == [
            CellRun(x: 0, y: 0, text: "ab", style: .plain),
            CellRun(x: 2, y: 0, text: "cd", style: .dim),
        ])
    }

    @Test("without a previous frame of the same size every row is sent whole")
    func runsAfterResize() {
        var frame = MemorySurface(width: 3, height: 2)
        frame.put("abc", x: 0, y: 1)
        let expected = [CellRun(x: 0, y: 0, text: "   ", style: .plain), CellRun(x: 0, y: 1, text: "abc", style: .plain)]
        #expect(frame.changedRuns(since: nil) == expected)
        #expect(frame.changedRuns(since: MemorySurface(width: 4, height: 2)) == expected)
    }
}
