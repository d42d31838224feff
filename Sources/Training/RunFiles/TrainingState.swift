import Agents
import NeuralNet
import RLCore

/// What a resumed run needs beyond the networks of `model.safetensors`, kept beside it in
/// `training-state.safetensors`: for each network an optimizer updates ("q", "pi", "v"), the optimizer's
/// per-parameter state under PyTorch's `state_dict` names, each shaped like the network's own — Adam's m and v
/// (`PREFIX_exp_avg.*`, `PREFIX_exp_avg_sq.*`), centered RMSProp's averages (`PREFIX_square_avg.*`,
/// `PREFIX_grad_avg.*`) — and its step count (metadata `PREFIX_step`), each target network (θ⁻ of a Q-learning agent: `q_target.*`) and the run's step count
/// (`timesteps`, which must match the model's). With them the resumed run's next update is the one the
/// uninterrupted run would have made from the same batch.
public enum TrainingState {
    /// Writes `agent`'s optimizer state and target network after `timesteps` steps to `path` atomically.
    public static func save(_ agent: any Agent, timesteps: Int, to path: String) throws(CheckpointError) {
        var networks: [String: any CheckpointableNetwork] = [:]
        var metadata = ["timesteps": String(timesteps)]
        for (prefix, optimizer) in agent.optimizers {
            for (name, state) in optimizer.stateNetworks() { networks["\(prefix)_\(name)"] = state }
            metadata["\(prefix)_step"] = String(optimizer.stepCount)
        }
        for (prefix, target) in agent.targetNetworks { networks["\(prefix)_target"] = target }
        try Checkpoint.save(networks, metadata: metadata, to: path)
    }

    /// Restores what `save` wrote into `agent`, all or nothing: every tensor and step count is checked first,
    /// and the file must be from step `timesteps` (the step of the networks it goes with).
    public static func restore(into agent: any Agent, timesteps: Int, from path: String) throws(ResumeError) {
        let optimizers = agent.optimizers
        var states: [String: [String: any FeedForwardNetwork]] = [:]
        var networks: [String: any CheckpointableNetwork] = [:]
        for (prefix, optimizer) in optimizers {
            states[prefix] = optimizer.stateNetworks()
            for (name, state) in states[prefix]! { networks["\(prefix)_\(name)"] = state }
        }
        // Loaded into copies first, so a file from another step leaves the agent's θ⁻ as it was.
        let targets = agent.targetNetworks.mapValues { $0.makeSibling() }
        for (prefix, target) in targets { networks["\(prefix)_target"] = target }
        let metadata: [String: String]
        do {
            metadata = try Checkpoint.load(from: path, into: networks)
        } catch {
            throw .invalid(path: path, reason: error.description)
        }
        guard metadata["timesteps"] == String(timesteps) else {
            throw .invalid(path: path, reason: "saved at step \(metadata["timesteps"] ?? "?"), but the networks are from step \(timesteps)")
        }
        var steps: [String: Int] = [:]
        for prefix in optimizers.keys {
            guard let step = metadata["\(prefix)_step"].flatMap({ Int($0) }), step >= 0 else {
                throw .invalid(path: path, reason: "no optimizer step count '\(prefix)_step' in the metadata")
            }
            steps[prefix] = step
        }
        for (prefix, optimizer) in optimizers { optimizer.restore(stateNetworks: states[prefix]!, stepCount: steps[prefix]!) }
        for (prefix, target) in agent.targetNetworks { target.assignParameters(from: targets[prefix]!) }
    }
}
