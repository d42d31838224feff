/// Which plot the plot panel shows (`p` cycles them): episode returns per segment, or the learning
/// losses.
public enum PlotView: Hashable, Sendable, CaseIterable {
    case returns
    case loss
}
