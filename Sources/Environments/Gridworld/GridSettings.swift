/// The `key: value` settings above a map's `map:` line. Every one is optional; the defaults give
/// gymnasium's FrozenLake-v1 rewards and time limit (but no slipping, see `slippery`).
public struct GridSettings: Sendable, Equatable {
    /// A display name; nil means the file name without `.txt`.
    public var name: String?
    /// Whether moves slip: the intended move happens with probability `successRate` and each of the two
    /// perpendicular moves with (1 − successRate)/2, FrozenLake's rule. Default false (gymnasium's FrozenLake
    /// slips by default; rlterm maps do only when asked, by this setting or `--slippery`).
    public var slippery = false
    /// The probability of the intended move on a slippery map, FrozenLake's `success_rate` (default 1/3).
    public var successRate = 1.0 / 3.0
    /// The reward of a move that enters an ordinary cell or bumps into a wall or the edge.
    public var stepReward = 0.0
    /// The reward for entering a goal cell (instead of `stepReward`).
    public var goalReward = 1.0
    /// The reward for entering a hole (instead of `stepReward`).
    public var holeReward = 0.0
    /// The reward for entering a cliff cell (instead of `stepReward`); the agent lands on the start.
    public var cliffReward = -100.0
    /// The time limit: an episode is truncated after this many steps; nil means no limit. The default, 100,
    /// is FrozenLake-v1's.
    public var maxSteps: Int? = 100

    public init() {}

    /// The keys a map file may set, in the order the documentation lists them.
    public static let keys = [
        "name", "slippery", "success_rate", "step_reward", "goal_reward", "hole_reward", "cliff_reward",
        "max_steps",
    ]

    /// The largest time limit a map may set (larger values are almost surely typing mistakes).
    public static let maxStepsLimit = 10_000_000

    /// Sets `key` from the text of its value; the key must be one of `keys`.
    mutating func assign(_ value: String, to key: String) throws(MapError.Problem) {
        func bad(_ expected: String) -> MapError.Problem {
            .badValue(key: key, value: value, expected: expected)
        }
        switch key {
        case "name":
            guard !value.isEmpty else { throw bad("a name after the colon") }
            name = value
        case "slippery":
            switch value.lowercased() {
            case "true": slippery = true
            case "false": slippery = false
            default: throw bad("true or false")
            }
        case "success_rate":
            guard let rate = Self.number(value), rate >= 0, rate <= 1 else {
                throw bad("a probability from 0 to 1, such as 0.5 or 1/3")
            }
            successRate = rate
        case "step_reward", "goal_reward", "hole_reward", "cliff_reward":
            guard let reward = Self.number(value) else { throw bad("a number, such as -1, 0.5 or 1/3") }
            switch key {
            case "step_reward": stepReward = reward
            case "goal_reward": goalReward = reward
            case "hole_reward": holeReward = reward
            default: cliffReward = reward
            }
        case "max_steps":
            if value.lowercased() == "none" {
                maxSteps = nil
            } else if value.allSatisfy(\.isASCIIDigit), let steps = Int(value), steps >= 1,
                steps <= Self.maxStepsLimit
            {
                maxSteps = steps
            } else {
                throw bad("a whole number of steps from 1 to \(Self.maxStepsLimit), or none")
            }
        default:
            throw .unknownSetting(key)
        }
    }

    /// A finite decimal number (`-1`, `0.5`, `2.5e-3`, with `−` accepted for the minus sign) or a fraction
    /// of two such numbers (`1/3`, computed in doubles as 1.0/3.0). Rejects `inf`, `nan` and hexadecimal,
    /// which `Double.init` would take.
    static func number(_ text: String) -> Double? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            return decimal(parts[0])
        case 2:
            guard let numerator = decimal(parts[0]), let denominator = decimal(parts[1]), denominator != 0 else {
                return nil
            }
            let quotient = numerator / denominator
            return quotient.isFinite ? quotient : nil
        default:
            return nil
        }
    }

    private static func decimal(_ raw: Substring) -> Double? {
        let text = String(raw.trimmingSpaces).replacing("−", with: "-")
        var sawDigit = false, sawPoint = false, sawExponent = false
        var previous: Character?
        for character in text {
            switch character {
            case "0"..."9":
                sawDigit = true
            case "+", "-":
                guard previous == nil || previous == "e" || previous == "E" else { return nil }
            case ".":
                guard !sawPoint, !sawExponent else { return nil }
                sawPoint = true
            case "e", "E":
                guard sawDigit, !sawExponent else { return nil }
                sawExponent = true
            default:
                return nil
            }
            previous = character
        }
        guard sawDigit, let value = Double(text), value.isFinite else { return nil }
        return value
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isWholeNumber }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: SubSequence {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
