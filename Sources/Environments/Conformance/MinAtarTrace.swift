import RLCore

/// One episode recorded from minatar 1.0.15 (`make_minatar_traces.py`): the seed, the sticky-action probability,
/// ramping and the actions, with what MinAtar showed after the reset and after every act. Replaying it through
/// `MinAtar<Game>` checks every observation cell, reward, terminal flag and the random stream's position.
public struct MinAtarTrace<Game: MinAtarGame>: Decodable, Sendable, Equatable {
    public var id: String
    /// The trace's category in the file (`random`, `heuristic`).
    public var kind: String
    public var seed: UInt32
    public var stickyActionProbability: Double
    public var difficultyRamping: Bool
    public var actions: [Int]
    /// Each act's reward.
    public var rewards: [Double]
    /// Each act's terminal flag.
    public var terminals: [Bool]
    /// The words drawn from the stream since `seed`, after the reset and after each act (one more than actions).
    public var streamPositions: [Int]
    /// The set cells, as flat [y][x][c] indices, after the reset and after each act (one more than actions).
    public var observations: [[Int]]

    enum CodingKeys: String, CodingKey {
        case id, kind, seed, actions, rewards, terminals, observations
        case stickyActionProbability = "sticky_action_prob"
        case difficultyRamping = "difficulty_ramping"
        case streamPositions = "stream"
    }

    /// Decodes a trace and checks that its arrays agree in length and that every action and cell is in range;
    /// errors are `TraceFileError.malformed`, located by path and trace id.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        do {
            kind = try container.decode(String.self, forKey: .kind)
            seed = try container.decode(UInt32.self, forKey: .seed)
            stickyActionProbability = try container.decode(Double.self, forKey: .stickyActionProbability)
            difficultyRamping = try container.decode(Bool.self, forKey: .difficultyRamping)
            actions = try container.decode([Int].self, forKey: .actions)
            rewards = try container.decode([Double].self, forKey: .rewards)
            terminals = try container.decode([Bool].self, forKey: .terminals)
            streamPositions = try container.decode([Int].self, forKey: .streamPositions)
            observations = try container.decode([[Int]].self, forKey: .observations)
            try checkConsistency(container)
        } catch let error as DecodingError {
            throw TraceFileError<MinAtarTraceFormat>(error, traceID: id)
        }
    }

    private func checkConsistency(_ container: KeyedDecodingContainer<CodingKeys>) throws {
        func corrupted(_ path: [any CodingKey], _ problem: String) -> DecodingError {
            .dataCorrupted(DecodingError.Context(codingPath: container.codingPath + path, debugDescription: problem))
        }
        let acts = actions.count
        for (key, count, expected) in [(CodingKeys.rewards, rewards.count, acts), (.terminals, terminals.count, acts),
                                       (.streamPositions, streamPositions.count, acts + 1),
                                       (.observations, observations.count, acts + 1)] where count != expected {
            throw corrupted([key], "has \(count) entries for \(acts) actions, expected \(expected)")
        }
        for (index, action) in actions.enumerated() where MinAtarAction(rawValue: action) == nil {
            throw corrupted([CodingKeys.actions, ArrayIndexKey(index)], "action \(action) is outside 0..<6")
        }
        let cellCount = MinAtarCanvas.size * MinAtarCanvas.size * Game.channelNames.count
        for (index, cells) in observations.enumerated() {
            if let cell = cells.first(where: { !(0..<cellCount).contains($0) }) {
                throw corrupted([CodingKeys.observations, ArrayIndexKey(index)],
                                "cell \(cell) is outside 0..<\(cellCount)")
            }
        }
    }

    /// Replays the trace from `seed` and reports the first place where rlterm's game departs from it.
    public func replay() -> MinAtarTraceReport {
        var environment = MinAtar<Game>(
            seed: seed, stickyActionProbability: stickyActionProbability, difficultyRamping: difficultyRamping,
            stepLimit: nil)
        var observation = [Float](repeating: 0, count: environment.observationCount)
        var mismatch = check(step: 0, environment, &observation)
        for (index, action) in actions.enumerated() where mismatch == nil {
            let outcome = environment.step(action)
            mismatch = check(step: index + 1, environment, &observation)
            if mismatch == nil, outcome.reward != rewards[index] {
                mismatch = MinAtarTraceMismatch(step: index + 1, field: .reward, expected: "\(rewards[index])",
                                                got: "\(outcome.reward)")
            }
            if mismatch == nil, outcome.terminated != terminals[index] {
                mismatch = MinAtarTraceMismatch(step: index + 1, field: .terminal, expected: "\(terminals[index])",
                                                got: "\(outcome.terminated)")
            }
        }
        return MinAtarTraceReport(id: id, stepCount: actions.count, firstMismatch: mismatch)
    }

    /// Compares the observation after `step` acts, then the stream position, with the recorded ones.
    private func check(step: Int, _ environment: MinAtar<Game>, _ observation: inout [Float]) -> MinAtarTraceMismatch? {
        observation.withUnsafeMutableBufferPointer { environment.writeObservation(into: $0) }
        var expected = [Bool](repeating: false, count: observation.count)
        for cell in observations[step] { expected[cell] = true }
        let channels = Game.channelNames.count
        if let cell = expected.indices.first(where: { expected[$0] != (observation[$0] != 0) }) {
            let describe = { (isSet: Bool) in isSet ? "set" : "clear" }
            return MinAtarTraceMismatch(
                step: step,
                field: .cell(y: cell / channels / MinAtarCanvas.size, x: cell / channels % MinAtarCanvas.size,
                             channel: Game.channelNames[cell % channels]),
                expected: describe(expected[cell]), got: describe(!expected[cell]))
        }
        if environment.random.position != streamPositions[step] {
            return MinAtarTraceMismatch(step: step, field: .streamPosition, expected: "\(streamPositions[step])",
                                        got: "\(environment.random.position)")
        }
        return nil
    }
}
