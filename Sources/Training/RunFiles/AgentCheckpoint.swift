import Agents
import Foundation
import NeuralNet
import RLCore

/// An agent's networks in a safetensors file, with metadata enough to rebuild the environment and the
/// agent without the run's directory: `algorithm`, `environment` and `environment.spec` (name and options
/// as JSON), `observation_size`, `action_count`, `hyperparameters` and `options` (JSON), `seed`,
/// `timesteps` and `rlterm_version`.
public enum AgentCheckpoint {
    /// An agent rebuilt from a checkpoint, with the environment it was trained on.
    public struct Loaded {
        public let agent: any Agent
        public let environment: EnvironmentSpec
        public let metadata: [String: String]

        /// The agent's configuration as the metadata records it (the step count as the budget, so schedules
        /// stand where they ended).
        public var configuration: TrainingConfiguration {
            TrainingConfiguration(environment: environment, hyperparameters: agent.hyperparameters, options: agent.options,
                                  steps: max(metadata["timesteps"].flatMap { Int($0) } ?? 1, 1),
                                  seed: metadata["seed"].flatMap { UInt64($0) } ?? 0)
        }
    }

    /// The metadata of `agent` trained under `configuration` for `timesteps` steps.
    public static func metadata(of agent: any Agent, configuration: TrainingConfiguration, timesteps: Int) -> [String: String] {
        [
            "algorithm": agent.algorithm.name,
            "environment": configuration.environment.name,
            "environment.spec": json(configuration.environment),
            "observation_size": String(agent.observationCount),
            "action_count": String(agent.actionCount),
            "hyperparameters": json(agent.hyperparameters.named),
            "options": json(agent.options),
            "seed": String(configuration.seed),
            "timesteps": String(timesteps),
            "rlterm_version": TrainingConfiguration.rltermVersion,
        ]
    }

    /// Writes `agent`'s networks and metadata to `path` atomically.
    public static func save(_ agent: any Agent, configuration: TrainingConfiguration, timesteps: Int,
                            to path: String) throws(CheckpointError) {
        try Checkpoint.save(agent.networks, metadata: metadata(of: agent, configuration: configuration, timesteps: timesteps),
                            to: path)
    }

    /// What a checkpoint's metadata asks to build, each field decoded and checked: the environment's options
    /// in range, the algorithm known, its hyperparameters its own and in range, the options valid.
    public struct Recipe: Sendable {
        public let environment: EnvironmentSpec
        public let algorithm: Algorithm
        public let hyperparameters: Hyperparameters
        public let options: AgentOptions

        /// Decodes and checks the metadata of the checkpoint at `path` (named in errors).
        public init(metadata: [String: String], path: String) throws(AgentCheckpointError) {
            func field(_ key: String) throws(AgentCheckpointError) -> String {
                guard let value = metadata[key] else { throw .badMetadata(path: path, reason: "no '\(key)' entry") }
                return value
            }
            func decode<T: Decodable>(_ type: T.Type, _ key: String) throws(AgentCheckpointError) -> T {
                let text = try field(key)
                do {
                    return try JSONDecoder().decode(T.self, from: Data(text.utf8))
                } catch {
                    throw .badMetadata(path: path, reason: "'\(key)' is not valid: \(AgentCheckpoint.summary(error))")
                }
            }
            environment = try decode(EnvironmentSpec.self, "environment.spec")
            if let problem = environment.problem {
                throw .badMetadata(path: path, reason: "'environment.spec': \(problem)")
            }
            let name = try field("algorithm")
            do {
                algorithm = try AlgorithmRegistry.algorithm(named: name)
            } catch {
                throw .badMetadata(path: path, reason: "\(error)")
            }
            options = try decode(AgentOptions.self, "options")
            do {
                let named = try decode([String: Double].self, "hyperparameters")
                hyperparameters = try Hyperparameters(algorithm: algorithm, named: named)
            } catch let error as AgentCheckpointError {
                throw error
            } catch {
                throw .badMetadata(path: path, reason: "'hyperparameters': \(error)")
            }
        }
    }

    /// Reads `path`, rebuilds its environment (to learn its shapes) and agent, and loads the networks. The
    /// file is opened once; its header and metadata are checked before the agent is built, and the tensors
    /// against the agent's networks before their data is read.
    public static func load(from path: String) throws(AgentCheckpointError) -> Loaded {
        let reader: CheckpointReader
        do {
            reader = try CheckpointReader(path: path)
        } catch {
            if case .cannotRead = error { throw .unreadable(error) }
            throw .corrupt(error)
        }
        let metadata = reader.metadata
        let recipe = try Recipe(metadata: metadata, path: path)
        let spec = recipe.environment
        let environment: any Environment
        do {
            environment = try spec.make(generator: RunSeed(0).generator(for: "env"))
        } catch {
            throw .badMetadata(path: path, reason: "environment '\(spec.name)': \(error)")
        }
        let shapes = [("observation_size", "observation size", environment.observationCount),
                      ("action_count", "action count", environment.actionCount)]
        for (key, name, actual) in shapes {
            if let saved = metadata[key], saved != String(actual) {
                throw .badMetadata(path: path, reason: "\(name) \(saved), but \(spec.name) has \(actual)")
            }
        }
        let configuration = AgentConfiguration(
            for: environment, totalSteps: 1, seed: RunSeed(0), hyperparameters: recipe.hyperparameters,
            options: recipe.options)
        if let problem = configuration.memoryProblem() { throw .badMetadata(path: path, reason: problem) }
        let agent: any Agent
        do {
            agent = try AlgorithmRegistry.make(configuration)
        } catch {
            throw .badMetadata(path: path, reason: "\(error)")
        }
        do {
            try reader.load(into: agent.networks)
        } catch {
            throw .corrupt(error)
        }
        return Loaded(agent: agent, environment: spec, metadata: metadata)
    }

    /// A decoding error in a few words: where in the JSON it is and what is wrong, without the type dump of
    /// `DecodingError`'s own description.
    static func summary(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        let context: DecodingError.Context
        switch error {
        case .keyNotFound(let key, let keyContext):
            let inside = keyContext.codingPath.map(\.stringValue).joined(separator: ".")
            return "no '\(key.stringValue)'" + (inside.isEmpty ? "" : " in '\(inside)'")
        case .dataCorrupted(let errorContext), .typeMismatch(_, let errorContext), .valueNotFound(_, let errorContext):
            context = errorContext
        @unknown default:
            return "\(error)"
        }
        let place = context.codingPath.map(\.stringValue).joined(separator: ".")
        if place.isEmpty, case .dataCorrupted = error { return "not valid JSON" }
        return (place.isEmpty ? "" : "'\(place)': ") + context.debugDescription
    }

    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Encoding plain structs and dictionaries of numbers cannot fail.
        return String(decoding: try! encoder.encode(value), as: UTF8.self)
    }
}
