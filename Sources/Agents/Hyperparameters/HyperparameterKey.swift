/// The name of one hyperparameter, as written on the command line (`--gamma`, `--set gamma=0.98`), in
/// `run.json` and in checkpoint metadata. `HyperparameterSpec.table` describes each one.
public enum HyperparameterKey: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case gamma
    case lambda
    case learningRate = "lr"
    case hiddenSize = "hidden"
    case hiddenLayers = "layers"
    case batchSize = "batch-size"
    case bufferSize = "buffer-size"
    case learningStarts = "learning-starts"
    case trainFrequency = "train-freq"
    case gradientSteps = "gradient-steps"
    case targetPeriod = "target-period"
    case tau
    case maxGradientNorm = "max-grad-norm"
    case epsilonStart = "eps-start"
    case epsilonEnd = "eps-end"
    case explorationFraction = "eps-fraction"
    case alpha
    case beta0
    case herK = "her-k"
    case collectSteps = "fqi-collect"
    case fittingIterations = "fqi-iterations"
    case policyLearningRate = "pi-lr"
    case valueLearningRate = "vf-lr"
    case stepsPerEpoch = "steps-per-epoch"
    case valueIterations = "vf-iters"
    case entropyCoefficient = "ent-coef"
    case environments = "envs"

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
