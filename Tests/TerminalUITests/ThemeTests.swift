import Testing
import TerminalUI

@Suite("Theme: colours per mode")
struct ThemeTests {
    @Test("series colours cycle through a palette chosen for the mode, and are the default without colour")
    func seriesColours() {
        #expect(Rendering.unicode256.seriesColor(0) == .indexed(75))
        #expect(Rendering.unicode256.seriesColor(5) == Rendering.unicode256.seriesColor(0))
        #expect(Rendering.unicode8.seriesColor(1) == .yellow)
        #expect(Rendering.unicode8.seriesColor(-1) == .red)
        #expect(Rendering.unicodeMono.seriesColor(0) == .terminalDefault)
    }

    @Test("heatmaps get viridis in 256 colours, four basic colours in 8, and shades without colour")
    func ramps() {
        #expect(Rendering.unicode256.ramp == .viridis256)
        #expect(Rendering.unicode8.ramp == .basic8)
        #expect(Rendering.asciiMono.ramp == nil)
    }

    @Test("without colour, styles carry meaning through attributes only")
    func monoStyles() {
        let theme = Rendering.asciiMono
        let styles = [theme.borderStyle, theme.titleStyle, theme.labelStyle, theme.markerStyle, theme.keyStyle]
        #expect(styles.allSatisfy { $0.foreground == .terminalDefault && $0.background == .terminalDefault })
        #expect(theme.keyStyle.attributes == .bold)
        #expect(theme.markerStyle.attributes == .dim)
    }

    @Test("map cells: red cliffs and blue holes in colour; without colour the agent is reversed and the goal bold")
    func mapStyles() {
        #expect(Rendering.unicode8.tileStyle(.cliff).foreground == .red)
        #expect(Rendering.unicode8.tileStyle(.hole).foreground == .blue)
        #expect(Rendering.unicode8.agentStyle == Style(foreground: .yellow, attributes: .bold))
        let mono = Rendering.asciiMono
        let styles = GridTile.allCases.map(mono.tileStyle) + [mono.agentStyle, mono.trailStyle]
        #expect(styles.allSatisfy { $0.foreground == .terminalDefault && $0.background == .terminalDefault })
        #expect(mono.agentStyle.attributes == [.bold, .reverse])
        #expect(mono.tileStyle(.goal).attributes == .bold && mono.tileStyle(.start).attributes == .bold)
    }
}
