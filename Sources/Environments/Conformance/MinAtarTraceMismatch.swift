/// The first place where a MinAtar replay departs from its recording.
public struct MinAtarTraceMismatch: Sendable, Equatable, CustomStringConvertible {
    /// What disagreed.
    public enum Field: Sendable, Equatable, CustomStringConvertible {
        /// A cell of the observation: row y from the top, column x from the left, and the channel's name.
        case cell(y: Int, x: Int, channel: String)
        case reward
        case terminal
        /// The number of words drawn from the random stream.
        case streamPosition

        public var description: String {
            switch self {
            case .cell(let y, let x, let channel): "channel \(channel) cell (y \(y), x \(x))"
            case .reward: "reward"
            case .terminal: "terminal"
            case .streamPosition: "stream position"
            }
        }
    }

    /// Acts since the reset; 0 is the observation right after it.
    public let step: Int
    public let field: Field
    public let expected: String
    public let got: String

    public var description: String {
        "step \(step) \(field): expected \(expected), got \(got)"
    }
}
