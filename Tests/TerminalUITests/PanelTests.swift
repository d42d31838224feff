import Testing
import TerminalUI

@Suite("Panel: a box with titles")
struct PanelTests {
    @Test("an ASCII panel draws +-| and its title; a trailing title that does not fit is dropped")
    func asciiBox() {
        let panel = Panel(title: "Episode return", trailingTitle: "avg 3")
        #expect(Rendering.lines(panel, width: 20, height: 4, theme: Rendering.asciiMono) == [
            "+ Episode return --+",
            "|                  |",
            "|                  |",
            "+------------------+",
        ])
    }

    @Test("a wide Unicode panel shows both titles with box drawing between them")
    func unicodeBox() {
        let panel = Panel(title: "Episode return", trailingTitle: "avg 3")
        #expect(Rendering.lines(panel, width: 30, height: 3, theme: Rendering.unicodeMono) == [
            "┌ Episode return ───── avg 3 ┐",
            "│                            │",
            "└────────────────────────────┘",
        ])
    }

    @Test("a title too long for the box is cut with the charset's ellipsis")
    func truncatedTitle() {
        let panel = Panel(title: "Episode return")
        #expect(Rendering.lines(panel, width: 10, height: 2, theme: Rendering.asciiMono) == ["+ Epi... +", "+--------+"])
        #expect(Rendering.lines(panel, width: 10, height: 2, theme: Rendering.unicodeMono) == ["┌ Episo… ┐", "└────────┘"])
    }

    @Test("the border uses the theme's border style and the title its title style")
    func styles() {
        let surface = Rendering.surface(Panel(title: "Q"), width: 8, height: 3, theme: Rendering.unicode256)
        #expect(surface.cell(x: 0, y: 0)?.style == Rendering.unicode256.borderStyle)
        #expect(surface.cell(x: 2, y: 0)?.style == Style.bold)
        #expect(Panel.inner(surface.bounds) == Rect(x: 1, y: 1, width: 6, height: 1))
    }

    @Test("a panel in the middle of a surface draws nothing outside its area")
    func staysInside() {
        var surface = MemorySurface(width: 8, height: 5)
        Panel(title: "T").render(into: &surface, area: Rect(x: 2, y: 1, width: 4, height: 3), theme: Rendering.asciiMono)
        #expect(surface.lines == ["        ", "  +--+  ", "  |  |  ", "  +--+  ", "        "])
    }
}
