import Agents
import Foundation
import Training

extension WireWriter {
    mutating func command(_ command: SessionCommand) {
        switch command {
        case .pause: byte(1)
        case .resume: byte(2)
        case .togglePause: byte(3)
        case .step: byte(4)
        case .finishEpisode: byte(5)
        case .set(let key, let value):
            byte(6)
            string(key.rawValue)
            double(value)
        case .switchAlgorithm(let algorithm):
            byte(7)
            string(algorithm.name)
        case .switchEnvironment(let spec):
            byte(8)
            json(spec)
        case .reset: byte(9)
        case .saveCheckpoint(let path):
            byte(10)
            optional(path) { $0.string($1) }
        case .setPace(let pace):
            byte(11)
            self.pace(pace)
        case .stop: byte(12)
        }
    }

    mutating func pace(_ pace: Pace) {
        switch pace {
        case .fullSpeed: int(0)
        case .stepsPerSecond(let rate): int(rate)
        }
    }

    /// A value whose `Codable` form already checks itself on reading (a configuration, an environment).
    mutating func json(_ value: some Encodable) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        // The types written this way encode plain numbers, strings and arrays, which cannot fail.
        string(String(decoding: try! encoder.encode(value), as: UTF8.self))
    }
}

extension WireReader {
    mutating func command() throws(ShareProtocolError) -> SessionCommand {
        switch try byte() {
        case 1: return .pause
        case 2: return .resume
        case 3: return .togglePause
        case 4: return .step
        case 5: return .finishEpisode
        case 6:
            let name = try string()
            guard let key = HyperparameterKey(rawValue: name) else { throw malformed("unknown hyperparameter \(name)") }
            return .set(key, try double())
        case 7: return .switchAlgorithm(try algorithm())
        case 8: return .switchEnvironment(try json(EnvironmentSpec.self))
        case 9: return .reset
        case 10: return .saveCheckpoint(path: try optional { reader throws(ShareProtocolError) in try reader.string() })
        case 11: return .setPace(try pace())
        case 12: return .stop
        case let tag: throw malformed("unknown command \(tag)")
        }
    }

    mutating func pace() throws(ShareProtocolError) -> Pace {
        let rate = try int(in: 0...1_000_000_000, "a pace in steps per second")
        return rate == 0 ? .fullSpeed : .stepsPerSecond(rate)
    }

    mutating func algorithm() throws(ShareProtocolError) -> Algorithm {
        let name = try string()
        do {
            return try AlgorithmRegistry.algorithm(named: name)
        } catch {
            throw malformed("\(error)")
        }
    }

    mutating func json<Value: Decodable>(_ type: Value.Type) throws(ShareProtocolError) -> Value {
        let start = offset
        let text = try string()
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw .malformed("\(Value.self) does not read: \(error)", offset: start)
        }
    }
}
