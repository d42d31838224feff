/// The one list of algorithms behind `rlterm algos`, `--algo` and (later) the terminal UI's switcher.
public enum AlgorithmRegistry {
    public static let all: [AlgorithmDescriptor] = [
        AlgorithmDescriptor(
            name: "fqi", summary: "full fitted Q-iteration: collect a dataset, regress Q onto r + γ·max Q(s′) repeatedly",
            options: [], make: { configuration in FittedQIterationAgent(configuration) }),
        AlgorithmDescriptor(
            name: "online-q", summary: "online Q-iteration: one transition, one target, one gradient step (unstable)",
            options: [], make: { configuration in OnlineQAgent(configuration) }),
        AlgorithmDescriptor(
            name: "dqn", summary: "deep Q-network: replay memory, target network every K steps, Huber loss, ε-greedy",
            options: ["--double", "--no-replay", "--no-target", "--replay uniform|prioritized", "--her none|final|future"],
            make: { configuration throws(AlgorithmError) in try DQNAgent(configuration) }),
        AlgorithmDescriptor(
            name: "reinforce", summary: "simplest policy gradient: whole episodes, one step on −mean log π·Ψ per batch",
            options: ["--psi \(Psi.list(ReinforceAgent.supportedPsi))"],
            make: { configuration throws(AlgorithmError) in try ReinforceAgent(configuration) }),
        AlgorithmDescriptor(
            name: "vpg", summary: "vanilla policy gradient: policy and value networks, GAE(γ,λ), T steps per epoch",
            options: ["--psi \(Psi.list(VPGAgent.supportedPsi))"],
            make: { configuration throws(AlgorithmError) in try VPGAgent(configuration) }),
        AlgorithmDescriptor(
            name: "ac", summary: "batch actor-critic: fit V̂ to the batch, Â = r + γV̂(s′) − V̂(s), one policy step",
            options: ["--psi td-residual", "--bootstrap-critic"],
            make: { configuration throws(AlgorithmError) in try BatchActorCriticAgent(configuration) }),
        AlgorithmDescriptor(
            name: "online-ac", summary: "online actor-critic: one transition (--envs N: one from each of N lockstep copies), one critic step, one actor step with δ",
            options: ["--psi td-residual"],
            make: { configuration throws(AlgorithmError) in try OnlineActorCriticAgent(configuration) }),
    ]

    /// The registered names, in listing order.
    public static var names: [String] { all.map(\.name) }

    /// The descriptor of `name`.
    public static func descriptor(_ name: String) throws(AlgorithmError) -> AlgorithmDescriptor {
        guard let descriptor = all.first(where: { $0.name == name }) else { throw .unknownAlgorithm(name, known: names) }
        return descriptor
    }

    /// Builds the agent `configuration.hyperparameters.algorithm` after checking that it takes every option
    /// that differs from the defaults.
    public static func make(_ configuration: AgentConfiguration) throws(AlgorithmError) -> any Agent {
        let descriptor = try descriptor(configuration.hyperparameters.algorithm)
        for flag in configuration.options.flags {
            let option = String(flag.split(separator: " ")[0])
            if !descriptor.options.contains(where: { $0.hasPrefix(option) }) {
                throw .unsupportedOption(algorithm: descriptor.name, option: option, supported: descriptor.options)
            }
        }
        return try descriptor.make(configuration)
    }
}
