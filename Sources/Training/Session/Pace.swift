/// How fast a session steps its environment: a fixed number of steps a second, for watching, or as fast as
/// the machine allows.
public enum Pace: Sendable, Equatable, CustomStringConvertible {
    case stepsPerSecond(Int)
    case fullSpeed

    /// The real-time rates `faster` and `slower` move between; above the last comes full speed.
    public static let ladder = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000]

    /// The next rate up the ladder, full speed after its top.
    public var faster: Pace {
        switch self {
        case .fullSpeed: return .fullSpeed
        case .stepsPerSecond(let rate):
            return Self.ladder.first { $0 > rate }.map(Pace.stepsPerSecond) ?? .fullSpeed
        }
    }

    /// The next rate down the ladder; full speed steps down to its top, and 1 step a second is the floor.
    public var slower: Pace {
        switch self {
        case .fullSpeed: return .stepsPerSecond(Self.ladder[Self.ladder.count - 1])
        case .stepsPerSecond(let rate):
            return .stepsPerSecond(Self.ladder.last { $0 < rate } ?? Self.ladder[0])
        }
    }

    /// As the status line shows it: `10/s` or `full`.
    public var description: String {
        switch self {
        case .fullSpeed: "full"
        case .stepsPerSecond(let rate): "\(rate)/s"
        }
    }
}
