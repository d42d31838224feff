/// Updates one network's parameters from the gradients of its last `backward()`.
public protocol Optimizer: AnyObject {
    /// The step size α; may be changed between steps (e.g. from the hyperparameter panel).
    var learningRate: Float { get set }
    /// Applies one update to the network's parameters.
    func step()
}
