import Testing
import TerminalUI

@Suite("Key map: keys to UI actions")
struct KeyMapTests {
    let keys = KeyMap.standard

    static func key(_ character: Unicode.Scalar) -> InputEvent { .character(character.value) }

    @Test("every key the issue lists triggers its action")
    func documentedKeys() {
        let expected: [(InputEvent, UIAction)] = [
            (Self.key(" "), .togglePause), (Self.key("."), .stepOnce), (Self.key("n"), .finishEpisode),
            (Self.key("["), .frameBack), (Self.key("]"), .frameForward), (Self.key("a"), .nextAlgorithm),
            (Self.key("A"), .previousAlgorithm), (Self.key("e"), .nextEnvironment),
            (.arrowKey(.up), .selectPreviousHyperparameter), (.arrowKey(.down), .selectNextHyperparameter),
            (.arrowKey(.left), .decreaseHyperparameter), (.arrowKey(.right), .increaseHyperparameter),
            (Self.key("v"), .cycleHeatmapView), (Self.key("p"), .cyclePlotView), (Self.key("x"), .toggleExplain),
            (Self.key("+"), .paceUp), (Self.key("-"), .paceDown), (Self.key("r"), .reset),
            (Self.key("w"), .saveCheckpoint), (Self.key("?"), .toggleHelp), (Self.key("q"), .quit),
        ]
        for (event, action) in expected {
            #expect(keys.action(for: event) == action, "\(event)")
        }
    }

    @Test("conveniences: = and _ for the pace without shift, Q and Ctrl-C quit")
    func conveniences() {
        #expect(keys.action(for: Self.key("=")) == .paceUp)
        #expect(keys.action(for: Self.key("_")) == .paceDown)
        #expect(keys.action(for: Self.key("Q")) == .quit)
        #expect(keys.action(for: .character(3)) == .quit)
    }

    @Test("Esc closes the help overlay, as in htop and btop; its label reads Esc")
    func escape() {
        #expect(keys.action(for: .character(27)) == .closeHelp)
        #expect(keys.keyLabel(for: .closeHelp, glyphs: Glyphs(charset: .ascii)) == "Esc")
    }

    @Test("unbound keys and resizes map to no action")
    func unbound() {
        #expect(keys.action(for: Self.key("z")) == nil)
        #expect(keys.action(for: Self.key("N")) == nil)
        #expect(keys.action(for: .resize) == nil)
        #expect(keys.action(for: .functionKey(265)) == nil)
    }

    @Test("arrow keys are curses' KEY_UP 0403, KEY_DOWN 0402, KEY_LEFT 0404, KEY_RIGHT 0405")
    func arrowCodes() {
        #expect(InputEvent.arrowKey(.up) == .functionKey(0o403))
        #expect(InputEvent.arrowKey(.down) == .functionKey(0o402))
        #expect(InputEvent.arrowKey(.left) == .functionKey(0o404))
        #expect(InputEvent.arrowKey(.right) == .functionKey(0o405))
    }

    @Test("every action has a key, no event is bound twice, and labels read as typed")
    func completeness() {
        for action in UIAction.allCases {
            #expect(keys.keyLabel(for: action, glyphs: Glyphs(charset: .ascii)) != nil, "\(action)")
        }
        #expect(Set(keys.bindings.map(\.event)).count == keys.bindings.count)
        let (unicode, ascii) = (Glyphs(charset: .unicode), Glyphs(charset: .ascii))
        #expect(keys.keyLabel(for: .togglePause, glyphs: unicode) == "space")
        #expect(keys.keyLabel(for: .increaseHyperparameter, glyphs: unicode) == "→")
        #expect(keys.keyLabel(for: .increaseHyperparameter, glyphs: ascii) == ">")
        #expect(KeyBinding(.character(3), .quit).label(glyphs: ascii) == "^C")
        #expect(KeyBinding(.resize, .quit).label(glyphs: ascii) == nil)
    }

    @Test("listed actions fall into the help groups: Run, Learn, View")
    func groups() {
        func keys(in group: KeyGroup) -> [String] {
            UIAction.allCases.filter { $0.group == group && $0.isListed }.compactMap { self.keys.keyLabel(for: $0, glyphs: Glyphs(charset: .unicode)) }
        }
        #expect(keys(in: .run) == ["space", ".", "n", "[", "]", "+", "-", "r"])
        #expect(keys(in: .learn) == ["a", "A", "e", "↑", "↓", "←", "→", "d", "w"])
        #expect(keys(in: .view) == ["v", "p", "x", "?", "q"])
    }
}
