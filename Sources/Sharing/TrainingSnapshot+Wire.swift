import Agents
import Environments
import Training

extension WireWriter {
    mutating func snapshot(_ snapshot: TrainingSnapshot) {
        int(snapshot.sequence)
        json(snapshot.configuration)
        bool(snapshot.learns)
        hyperparameters(snapshot.hyperparameters)
        hyperparameters(snapshot.presetHyperparameters)
        byte(Self.modes.firstIndex(of: snapshot.mode).map(UInt8.init)!)
        pace(snapshot.pace)
        int(snapshot.timesteps)
        int(snapshot.episodes)
        double(snapshot.stepsPerSecond)
        optional(snapshot.epsilon) { $0.double($1) }
        array(snapshot.idleNow.sorted { $0.key < $1.key }) {
            $0.string($1.key.rawValue)
            $0.string($1.value)
        }
        optional(snapshot.meanRecentReturn) { $0.double($1) }
        layout(snapshot.layout)
        array(snapshot.currentEpisode) { $0.frame($1) }
        array(snapshot.lastEpisode) { $0.frame($1) }
        array(snapshot.segments) { $0.segment($1) }
        array(snapshot.losses) {
            $0.int($1.episode)
            $0.double($1.loss)
            $0.optional($1.meanAbsoluteTDError) { $0.double($1) }
        }
        values(snapshot.values)
        array(snapshot.explanation) { $0.string($1) }
        optional(snapshot.message) {
            $0.int($1.id)
            $0.string($1.text)
            $0.bool($1.isError)
        }
        optional(snapshot.failure) { $0.string($1) }
        string(snapshot.network)
    }

    static let modes: [RunMode] = [.running, .paused, .finishingEpisode, .stopped]

    mutating func hyperparameters(_ hyperparameters: Hyperparameters) {
        string(hyperparameters.algorithm.name)
        array(hyperparameters.keys) {
            $0.string($1.rawValue)
            $0.double(hyperparameters[$1])
        }
    }

    mutating func segment(_ segment: SessionSegment) {
        switch segment.cause {
        case .start: byte(1)
        case .algorithm: byte(2)
        case .environment: byte(3)
        case .reset: byte(4)
        case .hyperparameter(let key, let from, let to):
            byte(5)
            string(key.rawValue)
            double(from)
            double(to)
        }
        string(segment.algorithm.name)
        string(segment.environment)
        uint64(segment.seed)
        optional(segment.trainCommand) { $0.string($1) }
        int(segment.firstStep)
        int(segment.firstEpisode)
        array(segment.returns) { $0.double($1) }
        int(segment.droppedReturns)
    }
}

extension WireReader {
    /// A snapshot whose parts fit together as the dashboard needs them: every value view over the map it
    /// shows, every recorded agent cell on that map.
    mutating func snapshot() throws(ShareProtocolError) -> TrainingSnapshot {
        let sequence = try int()
        let configuration = try json(TrainingConfiguration.self)
        let learns = try bool()
        let hyperparameters = try self.hyperparameters()
        let presetHyperparameters = try self.hyperparameters()
        let modeIndex = Int(try byte())
        guard modeIndex < WireWriter.modes.count else { throw malformed("unknown run mode \(modeIndex)") }
        let pace = try self.pace()
        let timesteps = try int(in: 0...Int.max, "the step count")
        let episodes = try int(in: 0...Int.max, "the episode count")
        let stepsPerSecond = try double()
        let epsilon = try optional { reader throws(ShareProtocolError) in try reader.double() }
        let idle = try array(minimumElementBytes: 8) { reader throws(ShareProtocolError) in
            (try reader.hyperparameterKey(), try reader.string())
        }
        let meanRecentReturn = try optional { reader throws(ShareProtocolError) in try reader.double() }
        let layout = try self.layout()
        let frames = { (reader: inout WireReader) throws(ShareProtocolError) -> [EpisodeFrame] in
            try reader.array(minimumElementBytes: 17) { reader throws(ShareProtocolError) in try reader.frame() }
        }
        let currentEpisode = try frames(&self)
        let lastEpisode = try frames(&self)
        let segments = try array(minimumElementBytes: 40) { reader throws(ShareProtocolError) in try reader.segment() }
        let losses = try array(minimumElementBytes: 17) { reader throws(ShareProtocolError) in
            LossPoint(episode: try reader.int(), loss: try reader.double(),
                      meanAbsoluteTDError: try reader.optional { reader throws(ShareProtocolError) in try reader.double() })
        }
        let values = try self.values()
        let explanation = try array(minimumElementBytes: 4) { reader throws(ShareProtocolError) in try reader.string() }
        let message = try optional { reader throws(ShareProtocolError) in
            SessionMessage(id: try reader.int(), text: try reader.string(), isError: try reader.bool())
        }
        let failure = try optional { reader throws(ShareProtocolError) in try reader.string() }
        let network = try string()
        try check(layout: layout, frames: currentEpisode + lastEpisode, domain: values.domain)
        return TrainingSnapshot(
            sequence: sequence, configuration: configuration, learns: learns, hyperparameters: hyperparameters,
            presetHyperparameters: presetHyperparameters, mode: WireWriter.modes[modeIndex], pace: pace,
            timesteps: timesteps, episodes: episodes, stepsPerSecond: stepsPerSecond, epsilon: epsilon,
            idleNow: Dictionary(idle, uniquingKeysWith: { _, last in last }), meanRecentReturn: meanRecentReturn,
            layout: layout, currentEpisode: currentEpisode, lastEpisode: lastEpisode, segments: segments, losses: losses,
            values: values, explanation: explanation, message: message, failure: failure, network: network)
    }

    private func check(layout: SceneLayout, frames: [EpisodeFrame], domain: InspectionDomain) throws(ShareProtocolError) {
        guard case .grid(let rows, let columns, _) = layout else {
            if case .gridCells = domain { throw malformed("a value view over map cells without a map") }
            return
        }
        if case .gridCells(let valueRows, let valueColumns) = domain, (valueRows, valueColumns) != (rows, columns) {
            throw malformed("a \(valueRows) × \(valueColumns) value view on a \(rows) × \(columns) map")
        }
        for frame in frames {
            if case .grid(let cell) = frame.state, cell >= rows * columns {
                throw malformed("the agent at cell \(cell) of a map of \(rows * columns) cells")
            }
        }
    }

    mutating func hyperparameterKey() throws(ShareProtocolError) -> HyperparameterKey {
        let name = try string()
        guard let key = HyperparameterKey(rawValue: name) else { throw malformed("unknown hyperparameter \(name)") }
        return key
    }

    mutating func hyperparameters() throws(ShareProtocolError) -> Hyperparameters {
        let algorithm = try algorithm()
        let start = offset
        let values = try array(minimumElementBytes: 12) { reader throws(ShareProtocolError) in
            (try reader.string(), try reader.double())
        }
        do {
            return try Hyperparameters(algorithm: algorithm, named: Dictionary(values, uniquingKeysWith: { _, last in last }))
        } catch {
            throw .malformed("\(error)", offset: start)
        }
    }

    mutating func segment() throws(ShareProtocolError) -> SessionSegment {
        let cause: SessionSegment.Cause
        switch try byte() {
        case 1: cause = .start
        case 2: cause = .algorithm
        case 3: cause = .environment
        case 4: cause = .reset
        case 5: cause = .hyperparameter(try hyperparameterKey(), from: try double(), to: try double())
        case let tag: throw malformed("unknown segment cause \(tag)")
        }
        return SessionSegment(
            cause: cause, algorithm: try algorithm(), environment: try string(), seed: try uint64(),
            trainCommand: try optional { reader throws(ShareProtocolError) in try reader.string() },
            firstStep: try int(), firstEpisode: try int(),
            returns: try array(minimumElementBytes: 8) { reader throws(ShareProtocolError) in try reader.double() },
            droppedReturns: try int(in: 0...Int.max, "the dropped returns"))
    }
}
