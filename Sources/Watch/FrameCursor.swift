/// Where a viewer stands while stepping back and forth through recorded frames: an index into the last
/// finished episode followed by the one in progress, as they were when browsing began.
public struct FrameCursor: Equatable, Sendable {
    /// The frames browsed: the last finished episode's, then the current one's.
    public let lastCount: Int
    public let currentCount: Int
    public private(set) var index: Int

    /// A cursor on the newest frame of `lastCount` + `currentCount`; nil when there is nothing to browse.
    public init?(lastCount: Int, currentCount: Int) {
        guard lastCount + currentCount > 0 else { return nil }
        self.lastCount = lastCount
        self.currentCount = currentCount
        index = lastCount + currentCount - 1
    }

    public var count: Int { lastCount + currentCount }
    /// Whether the frame shown belongs to the last finished episode.
    public var isInLastEpisode: Bool { index < lastCount }
    /// The frame's place within its own episode, from 0.
    public var indexInEpisode: Int { isInLastEpisode ? index : index - lastCount }
    public var episodeLength: Int { isInLastEpisode ? lastCount : currentCount }

    /// Moves `by` frames, staying within the recording.
    public mutating func move(by offset: Int) {
        index = min(max(index + offset, 0), count - 1)
    }
}
