/// How a plot maps values to heights: linearly, or by log₁₀ (for losses and TD errors, which shrink by
/// orders of magnitude as learning proceeds; non-positive values are left out on a log scale).
public enum PlotScale: Hashable, Sendable {
    case linear
    case log10
}
