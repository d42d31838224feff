/// Everything the main screen shows, as plain values: the UI loop fills one from the training engine's
/// latest snapshot and its own view state (which panels and views are chosen), and `DashboardScreen`
/// draws it. Nothing here refers to the engine, so the screen is tested from hand-made values.
public struct DashboardViewModel {
    // Status line.
    /// The environment's display name, e.g. `cliff 4×12`, and the algorithm's, e.g. `DQN`.
    public var environmentName: String
    public var algorithmName: String
    /// The seed of the agent training now (`rlterm train --seed`); nil shows none.
    public var seed: UInt64?
    public var runState: RunState
    /// Environment steps and finished episodes so far; the measured step rate; the pace as shown
    /// (e.g. `10/s`, `full`).
    public var step: Int
    public var episode: Int
    public var stepsPerSecond: Double
    public var pace: String

    // Environment panel.
    public var scene: EnvironmentScene
    /// Beside the panel's title, e.g. `return -3.00` or `frame 12/40` while stepping through an episode.
    public var sceneCaption: String

    // Plot panel.
    public var plotView: PlotView
    /// The reward plot's segments, oldest first (see `SegmentedReturnPlot`).
    public var returnSegments: [ReturnSegment]
    public var averageWindow: Int
    /// Per update: the loss and the batch's mean |TD error| (empty when the agent has none).
    public var losses: [Double]
    public var tdErrors: [Double]

    // Value panel.
    public var heatmapMode: HeatmapMode
    public var values: ValueView
    /// What the agent's convolution makes of the frame, drawn in place of the plot and the hyperparameters while
    /// that view is chosen; nil draws those two.
    public var featureMaps: FeatureMapGrid?

    // Hyperparameter panel.
    public var hyperparameters: [HyperparameterRow]
    public var selectedHyperparameter: Int?
    /// The row edited a moment ago, shown highlighted (the loop clears it after a short while).
    public var flashedHyperparameter: Int?
    /// The networks the agent learns, in a few words, shown at the head of the panel
    /// (`Q = conv 16 3×3 → 128 → 6 on 10×10×4`); nil shows none.
    public var network: String?

    // Explain panel and overlays.
    /// The last update written out with its numbers, one line per equation.
    public var explanation: [String]
    public var showExplain: Bool
    public var showHelp: Bool
    /// A transient message (e.g. `checkpoint saved to run/model.safetensors`), shown on the bottom row
    /// in place of the key hints; nil shows the hints.
    public var message: String?
    /// How the run is shared, at the end of the status line's left side: the teacher's viewer and refusal
    /// counts (`shared lecture: 3 viewers`), or a viewer's own standing (`viewing lecture, read-only`).
    public var sharing: String?

    public init(environmentName: String, algorithmName: String, seed: UInt64? = nil, runState: RunState, step: Int,
                episode: Int, stepsPerSecond: Double, pace: String, scene: EnvironmentScene, sceneCaption: String = "",
                plotView: PlotView = .returns, returnSegments: [ReturnSegment] = [], averageWindow: Int = 100,
                losses: [Double] = [], tdErrors: [Double] = [], heatmapMode: HeatmapMode = .maxQ,
                values: ValueView, featureMaps: FeatureMapGrid? = nil, hyperparameters: [HyperparameterRow] = [], selectedHyperparameter: Int? = nil,
                flashedHyperparameter: Int? = nil, network: String? = nil, explanation: [String] = [], showExplain: Bool = false,
                showHelp: Bool = false, message: String? = nil) {
        self.environmentName = environmentName
        self.algorithmName = algorithmName
        self.seed = seed
        self.runState = runState
        self.step = step
        self.episode = episode
        self.stepsPerSecond = stepsPerSecond
        self.pace = pace
        self.scene = scene
        self.sceneCaption = sceneCaption
        self.plotView = plotView
        self.returnSegments = returnSegments
        self.averageWindow = averageWindow
        self.losses = losses
        self.tdErrors = tdErrors
        self.heatmapMode = heatmapMode
        self.values = values
        self.featureMaps = featureMaps
        self.hyperparameters = hyperparameters
        self.selectedHyperparameter = selectedHyperparameter
        self.flashedHyperparameter = flashedHyperparameter
        self.network = network
        self.explanation = explanation
        self.showExplain = showExplain
        self.showHelp = showHelp
        self.message = message
    }
}
