/// What the value panel draws: a heatmap over a gridworld's cells, a CartPole θ × θ̇ slice, each action's
/// number in the one state there is (MinAtar), or a reason there is nothing to show (e.g. bit-flipping has too
/// many states to map).
public enum ValueView {
    case grid(Heatmap)
    case slice(SliceHeatmap)
    case actions(ActionValueList)
    case unavailable(String)
}
