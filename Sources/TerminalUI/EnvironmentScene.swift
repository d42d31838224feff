/// What the environment panel draws: the view of the current environment, with its state filled in.
public enum EnvironmentScene {
    case grid(GridView)
    case cartPole(CartPoleView)
    case bitFlip(BitFlipView)
    case chain(ChainView)

    /// The scene's widget.
    public var widget: any Widget {
        switch self {
        case .grid(let view): view
        case .cartPole(let view): view
        case .bitFlip(let view): view
        case .chain(let view): view
        }
    }
}
