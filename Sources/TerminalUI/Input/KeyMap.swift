/// The key table of the terminal UI (the keys htop, less and vim users expect): the one place keys are bound,
/// read by the input loop (`action(for:)`), the help overlay and the hint line, so they never disagree.
///
/// Each action's first binding is the one shown; the others are conveniences (`=` for `+` without
/// shift, `Q` and Ctrl-C for quit).
public struct KeyMap: Hashable, Sendable {
    public let bindings: [KeyBinding]

    public init(bindings: [KeyBinding]) {
        self.bindings = bindings
    }

    public static let standard = KeyMap(bindings: [
        KeyBinding(.character(32), .togglePause),
        KeyBinding(key("."), .stepOnce),
        KeyBinding(key("n"), .finishEpisode),
        KeyBinding(key("["), .frameBack),
        KeyBinding(key("]"), .frameForward),
        KeyBinding(key("+"), .paceUp),
        KeyBinding(key("="), .paceUp),
        KeyBinding(key("-"), .paceDown),
        KeyBinding(key("_"), .paceDown),
        KeyBinding(key("r"), .reset),
        KeyBinding(key("a"), .nextAlgorithm),
        KeyBinding(key("A"), .previousAlgorithm),
        KeyBinding(key("e"), .nextEnvironment),
        KeyBinding(.arrowKey(.up), .selectPreviousHyperparameter),
        KeyBinding(.arrowKey(.down), .selectNextHyperparameter),
        KeyBinding(.arrowKey(.left), .decreaseHyperparameter),
        KeyBinding(.arrowKey(.right), .increaseHyperparameter),
        KeyBinding(key("d"), .restorePreset),
        KeyBinding(key("w"), .saveCheckpoint),
        KeyBinding(key("v"), .cycleHeatmapView),
        KeyBinding(key("p"), .cyclePlotView),
        KeyBinding(key("x"), .toggleExplain),
        KeyBinding(key("?"), .toggleHelp),
        KeyBinding(.character(27), .closeHelp),
        KeyBinding(key("q"), .quit),
        KeyBinding(key("Q"), .quit),
        KeyBinding(.character(3), .quit),
    ])

    /// The action bound to `event`, nil for unbound keys and for resizes (the loop handles those).
    public func action(for event: InputEvent) -> UIAction? {
        bindings.first { $0.event == event }?.action
    }

    /// The label of the key shown for `action` (its first binding), nil when it is unbound.
    public func keyLabel(for action: UIAction, glyphs: Glyphs) -> String? {
        bindings.first { $0.action == action }?.label(glyphs: glyphs)
    }

    private static func key(_ character: Unicode.Scalar) -> InputEvent {
        .character(character.value)
    }
}
