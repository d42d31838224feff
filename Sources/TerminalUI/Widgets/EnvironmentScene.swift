/// What the environment panel draws: the view of the current environment, with its state filled in.
public enum EnvironmentScene {
    case grid(GridView)
    case cartPole(CartPoleView)
    case mountainCar(MountainCarView)
    case acrobot(AcrobotView)
    case bitFlip(BitFlipView)
    case chain(ChainView)

    /// The scene's widget.
    public var widget: any Widget {
        switch self {
        case .grid(let view): view
        case .cartPole(let view): view
        case .mountainCar(let view): view
        case .acrobot(let view): view
        case .bitFlip(let view): view
        case .chain(let view): view
        }
    }

    /// The rows that hold the whole picture: a map's rows and its legend, CartPole's pole, cart, track and
    /// scale, MountainCar's hill with its scale, Acrobot's reach of two links each way, the bits and the goal
    /// with their labels, the chain and its caption.
    public var fullHeight: Int {
        switch self {
        case .grid(let view): view.tiles.count + 1
        case .cartPole: 8
        case .mountainCar: 8
        case .acrobot: 9
        case .bitFlip: 4
        case .chain: 2
        }
    }
}
