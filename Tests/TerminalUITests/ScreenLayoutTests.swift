import Testing
import TerminalUI

@Suite("Screen layout and the pre-engine preview")
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

    @Test("the preview puts each panel's top border where the layout says, in ASCII and in UTF-8",
          arguments: [(80, 24), (120, 40)])
    func previewPanels(width: Int, height: Int) throws {
        let layout = try #require(ScreenLayout(width: width, height: height))
        for theme in [Rendering.asciiMono, Rendering.unicode256] {
            var surface = MemorySurface(width: width, height: height)
            PreviewScreen.render(into: &surface, theme: theme, tick: 0)
            let lines = surface.lines
            let corner = String(theme.glyphs.topLeft)
            func top(of area: Rect) -> Substring {
                lines[area.y].dropFirst(area.x).prefix(area.width)
            }
            #expect(top(of: layout.environment).hasPrefix(corner + " Environment "))
            #expect(top(of: layout.plot).hasPrefix(corner + " Episode return "))
            #expect(top(of: layout.heatmap).hasPrefix(corner + " Q-values "))
            #expect(top(of: layout.parameters).hasPrefix(corner + " About this preview "))
            #expect(lines[0].hasPrefix(" rlterm\(theme.glyphs.separator)preview"))
            #expect(lines[height - 1].hasPrefix(" q quit"))
            if theme.charset == .ascii {
                #expect(lines.joined().allSatisfy { $0.isASCII })
            }
        }
    }

    @Test("below the minimum the preview shows only the too-small notice")
    func previewTooSmall() {
        var surface = MemorySurface(width: 60, height: 10)
        PreviewScreen.render(into: &surface, theme: Rendering.asciiMono, tick: 0)
        #expect(surface == Rendering.surface(TooSmallNotice(), width: 60, height: 10, theme: Rendering.asciiMono))
        #expect(surface.lines[3].contains("rlterm needs 80x24"))
    }
}
