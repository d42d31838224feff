import RLCore

/// What an off-policy agent needs from its replay memory, so it can switch between uniform and prioritized
/// replay (`--replay uniform|prioritized`) without knowing which one it holds.
public protocol ReplayMemory: AnyObject, StateSaving {
    /// The most transitions held; beyond it the oldest are overwritten.
    var capacity: Int { get }
    /// The number of floats in one observation.
    var observationCount: Int { get }
    /// The number of transitions held now.
    var count: Int { get }
    /// Stores one transition, overwriting the oldest once full, and returns the slot it went into.
    @discardableResult
    func add(observation: UnsafeBufferPointer<Float>, action: Int, reward: Float,
             nextObservation: UnsafeBufferPointer<Float>, terminated: Bool, truncated: Bool) -> Int
    /// Fills every row of `batch` with a transition drawn from the memory, and `batch.weights` with the
    /// importance-sampling weights that correct for how it was drawn (exponent β; 1 for uniform draws).
    func sample(into batch: inout ReplayBatch, beta: Double, using generator: inout Xoshiro256StarStar)
    /// Feeds back the TD errors δ of the rows just replayed (slots from `batch.indices`).
    func updatePriorities(indices: [Int], tdErrors: [Float])
    /// A copy of the transition in slot `index` (for inspection and tests; allocates).
    func transition(at index: Int) -> Transition
    /// `StateSaving`'s restore, which a memory (a class) does in place.
    func restoreState(from part: StatePart) throws(StatePartError)
}

extension ReplayMemory {
    /// Stores `transition` (e.g. one produced by hindsight relabelling).
    @discardableResult
    public func add(_ transition: Transition) -> Int {
        precondition(transition.observation.count == observationCount && transition.nextObservation.count == observationCount,
                     "observations must hold \(observationCount) floats")
        return transition.observation.withUnsafeBufferPointer { observation in
            transition.nextObservation.withUnsafeBufferPointer { next in
                add(observation: observation, action: transition.action, reward: transition.reward,
                    nextObservation: next, terminated: transition.terminated, truncated: transition.truncated)
            }
        }
    }
}
