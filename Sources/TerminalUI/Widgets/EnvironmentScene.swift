/// What the environment panel draws: the view of the current environment, with its state filled in.
public enum EnvironmentScene {
    case grid(GridView)
    case cartPole(CartPoleView)
    case mountainCar(MountainCarView)
    case acrobot(AcrobotView)
    case bitFlip(BitFlipView)
    case chain(ChainView)
    case minAtar(MinAtarView)

    /// The scene's widget.
    public var widget: any Widget {
        switch self {
        case .grid(let view): view
        case .cartPole(let view): view
        case .mountainCar(let view): view
        case .acrobot(let view): view
        case .bitFlip(let view): view
        case .chain(let view): view
        case .minAtar(let view): view
        }
    }

    /// The rows that hold the whole picture: a map's rows and its legend, CartPole's pole, cart, track and
    /// scale, MountainCar's hill with its scale, Acrobot's reach of two links each way, the bits and the goal
    /// with their labels, the chain and its caption, a MinAtar board and its legend in `width` columns.
    public func fullHeight(width: Int) -> Int {
        switch self {
        case .grid(let view): view.tiles.count + 1
        case .cartPole: 8
        case .mountainCar: 8
        case .acrobot: 9
        case .bitFlip: 4
        case .chain: 2
        case .minAtar(let view): view.height(width: width)
        }
    }

    /// The rows the scene cannot do without in a `width`-column panel, nil for scenes that scale to any
    /// height: a MinAtar board is ten rows, one per cell, plus its legend.
    public func requiredHeight(width: Int) -> Int? {
        guard case .minAtar(let view) = self else { return nil }
        return view.height(width: width)
    }
}
