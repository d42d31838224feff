import Foundation
import RLCore

/// What an algorithm's factory needs to build an agent: the shapes of the environment, the step budget
/// (schedules such as ε and β are fractions of it), the run seed, and validated settings.
public struct AgentConfiguration: Sendable {
    public var observationCount: Int
    public var actionCount: Int
    /// The number of environment steps the run will take (ε decays over a fraction of it; β reaches 1 at it).
    public var totalSteps: Int
    public var seed: RunSeed
    public var hyperparameters: Hyperparameters
    public var options: AgentOptions
    /// Whether the environment is a `GoalEnvironment` (hindsight relabelling needs one).
    public var isGoalEnvironment: Bool
    /// The image the observation is, when the environment describes it as one; nil for a vector. The
    /// environment says so (its `ObservationLayout`), not the algorithm: DQN then learns through a
    /// convolutional network and keeps the observations packed in its replay memory.
    public var observationImage: ObservationImage?

    public init(observationCount: Int, actionCount: Int, totalSteps: Int, seed: RunSeed, hyperparameters: Hyperparameters,
                options: AgentOptions = AgentOptions(), isGoalEnvironment: Bool = false,
                observationImage: ObservationImage? = nil) {
        precondition(observationImage.map { $0.count == observationCount } ?? true,
                     "an image of \(observationImage?.count ?? 0) floats for observations of \(observationCount)")
        self.observationCount = observationCount
        self.actionCount = actionCount
        self.totalSteps = totalSteps
        self.seed = seed
        self.hyperparameters = hyperparameters
        self.options = options
        self.isGoalEnvironment = isGoalEnvironment
        self.observationImage = observationImage
    }

    /// The capacity in transitions of the replay memory the agent keeps, nil for agents without one: the
    /// buffer size, or one minibatch with `--no-replay`.
    public var replayCapacity: Int? {
        guard hyperparameters.keys.contains(.bufferSize) else { return nil }
        return options.noReplay ? hyperparameters.integer(.batchSize) : hyperparameters.integer(.bufferSize)
    }

    /// How a replay memory keeps this environment's observations: one bit per value when they are an image of
    /// binary channels, else as floats.
    public var replayStorage: ReplayBuffer.Storage {
        ReplayBuffer.Storage(observationCount: observationCount, binary: observationImage != nil)
    }

    /// The bytes the replay memory allocates when the agent is built (0 without one). The memory is allocated
    /// whole before the first step, so it can be checked against the machine first.
    public var replayMemoryBytes: Int {
        guard let capacity = replayCapacity else { return 0 }
        return options.replay == .prioritized
            ? PrioritizedReplayBuffer.bytes(capacity: capacity, storage: replayStorage)
            : ReplayBuffer.bytes(capacity: capacity, storage: replayStorage)
    }

    /// Why the agent cannot be built on a machine with `physicalMemory` bytes, or nil: a replay memory larger
    /// than the machine's memory would end the process when it is allocated (a 256×256 map's one-hot
    /// observations take 26 GB for DQN's default 50,000 transitions).
    public func memoryProblem(physicalMemory: UInt64 = ProcessInfo.processInfo.physicalMemory) -> String? {
        let needed = replayMemoryBytes
        guard needed > 0, UInt64(needed) > physicalMemory, let capacity = replayCapacity else { return nil }
        let gigabytes = { (bytes: Double) in
            bytes >= 1e9 ? String(format: "%.1f GB", bytes / 1e9) : String(format: "%.1f MB", bytes / 1e6)
        }
        return "the replay memory of \(capacity) transitions of \(observationCount) observation values needs "
            + "\(gigabytes(Double(needed))), more than this machine's \(gigabytes(Double(physicalMemory))); "
            + "lower --buffer-size (or use an environment with smaller observations)"
    }
}

/// An observation that is a height × width image of binary channels, stored [y][x][c] (MinAtar's (10, 10, C)
/// array flattened): float (y·width + x)·channels + c is 0 or 1.
public struct ObservationImage: Sendable, Equatable {
    public let height: Int
    public let width: Int
    public let channels: Int

    public init(height: Int, width: Int, channels: Int) {
        precondition(height > 0 && width > 0 && channels > 0, "an image needs a height, a width and channels")
        self.height = height
        self.width = width
        self.channels = channels
    }

    /// The floats of one observation.
    public var count: Int { height * width * channels }
}
