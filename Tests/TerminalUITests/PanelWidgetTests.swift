import Testing
import TerminalUI

@Suite("Hyperparameter, explain and help panels")
struct PanelWidgetTests {
    let rows = [
        HyperparameterRow(symbol: "γ", meaning: "discount", value: 0.99),
        HyperparameterRow(symbol: "λ", meaning: "GAE lambda", value: 0.95, isActive: false),
        HyperparameterRow(symbol: "K", meaning: "target period", value: 500, isInteger: true),
    ]

    @Test("rows line up in columns; the selected row is marked; unused rows say so where there is room")
    func hyperparameters() {
        let panel = HyperparameterPanel(rows: rows, selected: 0, algorithm: "DQN")
        #expect(Rendering.lines(panel, width: 46, height: 5, theme: Rendering.unicodeMono) == [
            "┌ Hyperparameters ──────── ↑↓ select ←→ edit ┐",
            "│ ▸ γ  discount      0.990                   │",
            "│   λ  GAE lambda    0.950 (unused by DQN)   │",
            "│   K  target period 500                     │",
            "└────────────────────────────────────────────┘",
        ])
        #expect(Rendering.lines(panel, width: 36, height: 5, theme: Rendering.asciiMono) == [
            "+ Hyperparameters -----------------+",
            "| > gamma   discount      0.990    |",
            "|   lambda  GAE lambda    0.950    |",
            "|   K       target period 500      |",
            "+----------------------------------+",
        ])
        // The network heads the rows on a line of its own, cut to the panel; rows scroll below it.
        let headed = HyperparameterPanel(rows: rows, selected: 0, algorithm: "DQN", network: "Q = conv 16 3×3 → 128 → 6 on 10×10×4")
        let lines = Rendering.lines(headed, width: 36, height: 5, theme: Rendering.unicodeMono)
        #expect(lines[1] == "│ Q = conv 16 3×3 → 128 → 6 on 10… │")
        #expect(lines[2].hasPrefix("│ ▸ γ  discount") && lines[3].hasPrefix("│   λ  GAE lambda"))
        // Too low for a row below it, the network gives way to the rows.
        #expect(Rendering.lines(headed, width: 36, height: 3, theme: Rendering.unicodeMono)[1].hasPrefix("│ ▸ γ"))
        let narrow = HyperparameterPanel(rows: rows, selected: 0, algorithm: "DQN")
        #expect(Rendering.lines(narrow, width: 34, height: 5, theme: Rendering.unicodeMono)[2...3]
            == ["│   λ  GAE lambda 0.950 (unused) │", "│   K  target pe… 500            │"])
    }

    @Test("unused rows are dimmed and a just-edited value is shown in reverse video")
    func styles() {
        let panel = HyperparameterPanel(rows: rows, selected: 2, flashed: 2, algorithm: "DQN")
        let surface = Rendering.surface(panel, width: 46, height: 5, theme: Rendering.asciiMono)
        #expect(surface.lines[3].dropFirst(26).hasPrefix("500"))
        #expect(surface.cell(x: 15, y: 2)?.style.attributes.contains(.dim) == true)
        #expect(surface.cell(x: 15, y: 1)?.style.attributes.contains(.dim) == false)
        #expect(surface.cell(x: 26, y: 3)?.style.attributes.contains(.reverse) == true)
        #expect(surface.cell(x: 26, y: 1)?.style.attributes.contains(.reverse) == false)
    }

    @Test("more rows than fit: the list scrolls to the selected row and arrows show what is hidden")
    func scrolling() {
        let many = (0..<8).map { HyperparameterRow(symbol: "p\($0)", meaning: "row \($0)", value: Double($0), isInteger: true) }
        let top = Rendering.lines(HyperparameterPanel(rows: many, selected: 0, algorithm: "DQN"), width: 24, height: 5,
                                  theme: Rendering.asciiMono)
        #expect(top[1...3] == ["| > p0  row 0 0        |", "|   p1  row 1 1        |", "|   p2  row 2 2      v |"])
        let middle = Rendering.lines(HyperparameterPanel(rows: many, selected: 5, algorithm: "DQN"), width: 24, height: 5,
                                     theme: Rendering.asciiMono)
        #expect(middle[1...3] == ["|   p4  row 4 4      ^ |", "| > p5  row 5 5        |", "|   p6  row 6 6      v |"])
        #expect(HyperparameterPanel(rows: many, selected: 7, algorithm: "DQN").firstVisible(visible: 3) == 5)
    }

    @Test("values print as whole numbers, three decimals, one decimal, or a power of ten")
    func formats() {
        #expect(HyperparameterRow.format(500, isInteger: true) == "500")
        #expect(HyperparameterRow.format(0.99, isInteger: false) == "0.990")
        #expect(HyperparameterRow.format(12.5, isInteger: false) == "12.5")
        #expect(HyperparameterRow.format(0.0003, isInteger: false) == "3.0e-4")
        #expect(HyperparameterRow.format(0, isInteger: false) == "0")
    }

    @Test("explain lines wrap at spaces with indented continuations, spelled in ASCII when needed")
    func explain() {
        let panel = ExplainPanel(lines: ["y = r + γ·max Q(s′,a′;θ⁻) = −1 + 0.99·(−3.20) = −4.17"])
        #expect(Rendering.lines(panel, width: 30, height: 6, theme: Rendering.unicodeMono) == [
            "┌ Explain ───────────────────┐",
            "│ y = r + γ·max Q(s′,a′;θ⁻)  │",
            "│   = −1 + 0.99·(−3.20) =    │",
            "│   −4.17                    │",
            "│                            │",
            "└────────────────────────────┘",
        ])
        #expect(Rendering.lines(panel, width: 30, height: 6, theme: Rendering.asciiMono)[1...3] == [
            "| y = r + gamma*max          |",
            "|   Q(s',a';theta^-) = -1 +  |",
            "|   0.99*(-3.20) = -4.17     |",
        ])
        #expect(Rendering.lines(ExplainPanel(lines: []), width: 20, height: 3, theme: Rendering.asciiMono)[1]
            == "| No update yet.   |")
    }

    @Test("ASCII transliteration names Greek letters and replaces symbols; ASCII text is unchanged")
    func transliteration() {
        #expect(ASCIIText.transliterate("δ_t = r + γV(s′) − V(s)") == "delta_t = r + gammaV(s') - V(s)")
        #expect(ASCIIText.transliterate("Â_t ≈ 0.5 → θ̇") == "A^_t ~ 0.5 -> theta'")
        #expect(ASCIIText.transliterate("plain text") == "plain text")
        #expect(ASCIIText.transliterate("日") == "?")
    }

    @Test("the help overlay lists every action under its group and fits 80×24 in two columns")
    func help() {
        let lines = Rendering.lines(HelpOverlay(), width: 80, height: 22, theme: Rendering.asciiMono)
        let text = lines.joined(separator: "\n")
        for action in UIAction.allCases where action.isListed {
            #expect(text.contains(action.summary), "\(action)")
        }
        #expect(text.contains("press ? or Esc to close"))
        #expect(lines[0] == "            + Keys -----------------------------------------------+             ")
        #expect(lines[1].contains("| Run ") && lines[1].contains(" Learn "))
        #expect(lines[2] == "            | space pause / resume       a     next algorithm     |             ")
        #expect(lines[20] == "            +-----------------------------------------------------+             ")
    }

    @Test("groups fill columns in order, balanced by height")
    func helpColumns() {
        let groups = [["a", "1", "2"], ["b", "1"], ["c", "1", "2", "3"]]
        #expect(HelpOverlay.columns(groups, count: 1) == [["a", "1", "2", "", "b", "1", "", "c", "1", "2", "3"]])
        #expect(HelpOverlay.columns(groups, count: 2) == [["a", "1", "2", "", "b", "1"], ["c", "1", "2", "3"]])
        #expect(HelpOverlay.columns(groups, count: 3) == [["a", "1", "2"], ["b", "1"], ["c", "1", "2", "3"]])
    }
}
