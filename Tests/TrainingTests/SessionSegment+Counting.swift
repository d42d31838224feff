import Training

extension SessionSegment {
    /// The number of episodes that ended in the segment.
    var episodeCount: Int { droppedReturns + returns.count }
}
