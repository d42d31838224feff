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
            TrainingConfiguration(environment: environment, algorithm: agent.algorithm,
                                  hyperparameters: agent.hyperparameters.named, options: agent.options,
                                  steps: max(metadata["timesteps"].flatMap { Int($0) } ?? 1, 1),
                                  seed: metadata["seed"].flatMap { UInt64($0) } ?? 0)
        }
    }

    /// The metadata of `agent` trained under `configuration` for `timesteps` steps.
    public static func metadata(of agent: any Agent, configuration: TrainingConfiguration, timesteps: Int) -> [String: String] {
        [
            "algorithm": agent.algorithm,
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

    /// Reads `path`, rebuilds its environment (to learn its shapes) and agent, and loads the networks.
    public static func load(from path: String) throws(AgentCheckpointError) -> Loaded {
        guard FileManager.default.fileExists(atPath: path) else { throw .missing(path: path) }
        let metadata: [String: String]
        do {
            metadata = try Checkpoint.load(from: path, into: [:])
        } catch {
            throw .corrupt(error)
        }
        func field(_ key: String) throws(AgentCheckpointError) -> String {
            guard let value = metadata[key] else { throw .badMetadata(path: path, reason: "no '\(key)' entry") }
            return value
        }
        func decode<T: Decodable>(_ type: T.Type, _ key: String) throws(AgentCheckpointError) -> T {
            do {
                return try JSONDecoder().decode(T.self, from: Data(try field(key).utf8))
            } catch let error as AgentCheckpointError {
                throw error
            } catch {
                throw .badMetadata(path: path, reason: "'\(key)' is not valid: \(error)")
            }
        }
        let spec = try decode(EnvironmentSpec.self, "environment.spec")
        let options = try decode(AgentOptions.self, "options")
        let named = try decode([String: Double].self, "hyperparameters")
        let algorithm = try field("algorithm")
        let environment: any Environment
        do {
            environment = try spec.make(generator: RunSeed(0).generator(for: "env"))
        } catch {
            throw .badMetadata(path: path, reason: "environment '\(spec.name)': \(error)")
        }
        if let size = metadata["observation_size"], size != String(environment.observationCount) {
            throw .badMetadata(path: path, reason: "observation size \(size), but \(spec.name) has \(environment.observationCount)")
        }
        let agent: any Agent
        do {
            let hyperparameters = try Hyperparameters(algorithm: algorithm, named: named)
            agent = try AlgorithmRegistry.make(AgentConfiguration(
                observationCount: environment.observationCount, actionCount: environment.actionCount, totalSteps: 1,
                seed: RunSeed(0), hyperparameters: hyperparameters, options: options,
                isGoalEnvironment: environment is any GoalEnvironment))
        } catch {
            throw .badMetadata(path: path, reason: "\(error)")
        }
        do {
            try Checkpoint.load(from: path, into: agent.networks)
        } catch {
            throw .corrupt(error)
        }
        return Loaded(agent: agent, environment: spec, metadata: metadata)
    }

    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Encoding plain structs and dictionaries of numbers cannot fail.
        return String(decoding: try! encoder.encode(value), as: UTF8.self)
    }
}
