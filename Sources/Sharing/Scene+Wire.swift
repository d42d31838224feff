import Environments
import Training

/// The largest picture a viewer accepts: the sides of a map or a value grid, the bits of bit flipping and
/// the states of a chain. Far beyond any environment rlterm has (a map's text is capped long before), they
/// stop a hostile frame from asking the viewer to draw, or multiply out, an absurd grid.
enum WireLimits {
    static let gridSide = 1_024
    static let bits = 64
    static let chainStates = 4_096
    /// A convolution's maps and their sides: MinAtar's network has 16 of 8 × 8.
    static let featureMaps = 256
    static let featureMapSide = 64
}

extension WireWriter {
    mutating func layout(_ layout: SceneLayout) {
        switch layout {
        case .grid(let rows, let columns, let cells):
            byte(1)
            int(rows)
            int(columns)
            array(cells) { $0.byte(UInt8(GridCell.allCases.firstIndex(of: $1)!)) }
        case .cartPole(let trackLimit):
            byte(2)
            double(trackLimit)
        case .bitFlip(let bits):
            byte(3)
            int(bits)
        case .chain(let states):
            byte(4)
            int(states)
        case .mountainCar(let positions, let goal):
            byte(5)
            range(positions)
            double(goal)
        case .acrobot: byte(6)
        case .minAtar(let channels):
            byte(7)
            array(channels) { $0.string($1) }
        case .none: byte(0)
        }
    }

    mutating func range(_ range: ClosedRange<Double>) {
        double(range.lowerBound)
        double(range.upperBound)
    }

    mutating func frame(_ frame: EpisodeFrame) {
        sceneState(frame.state)
        double(frame.reward)
        double(frame.returnSoFar)
    }

    mutating func sceneState(_ state: SceneState) {
        switch state {
        case .grid(let cell):
            byte(1)
            int(cell)
        case .cartPole(let state):
            byte(2)
            for component in [state.x, state.xDot, state.theta, state.thetaDot] { double(component) }
        case .mountainCar(let state):
            byte(3)
            double(state.position)
            double(state.velocity)
        case .acrobot(let state):
            byte(4)
            for component in [state.theta1, state.theta2, state.theta1Dot, state.theta2Dot] { double(component) }
        case .bitFlip(let state, let goal):
            byte(5)
            uint64(state)
            uint64(goal)
        case .chain(let position):
            byte(6)
            int(position)
        case .minAtar(let frame):
            byte(7)
            byte(UInt8(frame.channels))
            for word in 0..<frame.words.scalarCount { uint64(frame.words[word]) }
        case .none: byte(0)
        }
    }
}

extension WireReader {
    mutating func layout() throws(ShareProtocolError) -> SceneLayout {
        switch try byte() {
        case 0: return .none
        case 1:
            let rows = try int(in: 1...WireLimits.gridSide, "a map's rows")
            let columns = try int(in: 1...WireLimits.gridSide, "a map's columns")
            let cells = try array(minimumElementBytes: 1) { reader throws(ShareProtocolError) in
                let index = Int(try reader.byte())
                guard index < GridCell.allCases.count else { throw reader.malformed("unknown map cell \(index)") }
                return GridCell.allCases[index]
            }
            guard cells.count == rows * columns else {
                throw malformed("a \(rows) × \(columns) map needs \(rows * columns) cells, got \(cells.count)")
            }
            return .grid(rows: rows, columns: columns, cells: cells)
        case 2: return .cartPole(trackLimit: try double())
        case 3: return .bitFlip(bits: try int(in: 1...WireLimits.bits, "the number of bits"))
        case 4: return .chain(states: try int(in: 1...WireLimits.chainStates, "the chain's states"))
        case 5: return .mountainCar(positions: try range(), goal: try double())
        case 6: return .acrobot
        case 7:
            let channels = try array(minimumElementBytes: 4) { reader throws(ShareProtocolError) in try reader.string() }
            guard (1...MinAtarFrame.maximumChannels).contains(channels.count) else {
                throw malformed("a MinAtar board has 1…\(MinAtarFrame.maximumChannels) channels, got \(channels.count)")
            }
            return .minAtar(channels: channels)
        case let tag: throw malformed("unknown scene layout \(tag)")
        }
    }

    mutating func range() throws(ShareProtocolError) -> ClosedRange<Double> {
        let (low, high) = (try double(), try double())
        guard low <= high else { throw malformed("a range from \(low) to \(high) is empty or not a number") }
        return low...high
    }

    mutating func frame() throws(ShareProtocolError) -> EpisodeFrame {
        EpisodeFrame(state: try sceneState(), reward: try double(), returnSoFar: try double())
    }

    mutating func sceneState() throws(ShareProtocolError) -> SceneState {
        switch try byte() {
        case 0: return .none
        case 1: return .grid(cell: try int(in: 0...(WireLimits.gridSide * WireLimits.gridSide), "the agent's cell"))
        case 2: return .cartPole(CartPole.State(x: try double(), xDot: try double(), theta: try double(), thetaDot: try double()))
        case 3: return .mountainCar(MountainCar.State(position: try double(), velocity: try double()))
        case 4:
            return .acrobot(Acrobot.State(theta1: try double(), theta2: try double(), theta1Dot: try double(),
                                          theta2Dot: try double()))
        case 5: return .bitFlip(state: try uint64(), goal: try uint64())
        case 6: return .chain(position: try int(in: 0...WireLimits.chainStates, "the chain position"))
        case 7:
            let channels = Int(try byte())
            var words = SIMD16<UInt64>()
            for word in 0..<words.scalarCount { words[word] = try uint64() }
            guard let frame = MinAtarFrame(channels: channels, words: words) else {
                throw malformed("a MinAtar frame of \(channels) channels with bits set past them")
            }
            return .minAtar(frame)
        case let tag: throw malformed("unknown scene state \(tag)")
        }
    }
}
