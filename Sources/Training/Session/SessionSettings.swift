/// How a `TrainingSession` runs: its pace and whether it starts paused, how often it publishes snapshots, where
/// `saveCheckpoint` writes, and how much history it keeps for viewers.
public struct SessionSettings: Sendable, Equatable {
    public var pace: Pace
    public var startsPaused: Bool
    /// The least time between two periodic snapshots (a viewer's frame interval). A command's result is
    /// published at once whatever the interval; nil publishes nothing but those.
    public var snapshotInterval: Duration?
    /// Where `saveCheckpoint` without a path writes.
    public var checkpointDirectory: String
    /// The most frames kept of one episode, returns of one segment, loss points and segments: together at
    /// most a few megabytes, so an hour of switching leaves memory flat (the plot overlays only the last few
    /// segments anyway).
    public var frameCapacity: Int
    public var returnCapacity: Int
    public var lossCapacity: Int
    public var segmentCapacity: Int
    /// Where a switch of algorithm or environment finds the new pair's preset.
    public var presets: PresetLibrary

    public init(pace: Pace = .fullSpeed, startsPaused: Bool = false, snapshotInterval: Duration? = .milliseconds(33),
                checkpointDirectory: String = ".", frameCapacity: Int = 5_000, returnCapacity: Int = 5_000,
                lossCapacity: Int = 2_000, segmentCapacity: Int = 32,
                presets: PresetLibrary = PresetLibrary()) {
        self.pace = pace
        self.startsPaused = startsPaused
        self.snapshotInterval = snapshotInterval
        self.checkpointDirectory = checkpointDirectory
        self.frameCapacity = frameCapacity
        self.returnCapacity = returnCapacity
        self.lossCapacity = lossCapacity
        self.segmentCapacity = segmentCapacity
        self.presets = presets
    }
}
