import RLCore

/// One of MinAtar's games (Young & Tian 2019, arXiv:1903.03176) on its 10 × 10 grid of binary channels, as
/// minatar 1.0.15 plays it. `MinAtar` wraps it with the sticky actions and the shared random stream; the rules
/// each game follows, and how each was established, are in docs/MINATAR.md.
public protocol MinAtarGame: Sendable, StateSaving {
    /// MinAtar's name of the game (`breakout`), used in `minatar-breakout` and in the traces files.
    static var name: String { get }
    /// The channels of the observation, in MinAtar's order.
    static var channelNames: [String] { get }
    /// The largest reward one act can give.
    static var maximumReward: Double { get }
    /// A game before its first reset (nothing drawn yet).
    init()
    /// Starts an episode, drawing from `random` what MinAtar's reset draws.
    mutating func reset(random: inout NumpyRandomState)
    /// Plays one act (after the sticky-action choice) and returns its reward; `ramping` is MinAtar's difficulty
    /// ramping. Once the game is over an act changes nothing and gives 0.
    mutating func act(_ action: MinAtarAction, random: inout NumpyRandomState, ramping: Bool) -> Double
    /// Whether the episode has ended.
    var isTerminal: Bool { get }
    /// Marks the set cells of the observation on `canvas` (which starts cleared).
    func draw(on canvas: MinAtarCanvas)
}

/// MinAtar's six actions, the same in every game (published results use all six).
public enum MinAtarAction: Int, Sendable, CaseIterable {
    case noop, left, up, right, down, fire
}

extension StatePart {
    /// A cell coordinate of MinAtar's 10 × 10 grid, checked, so a damaged checkpoint cannot index past it.
    func minAtarCoordinate(_ key: String) throws(StatePartError) -> Int {
        try integer(key, in: 0...(MinAtarCanvas.size - 1))
    }

    /// A counter or interval: any integer (a countdown that is never reset keeps going below zero), since none
    /// indexes anything.
    func minAtarCounter(_ key: String) throws(StatePartError) -> Int {
        try integer(key, in: Int.min...Int.max)
    }
}
