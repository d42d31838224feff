import Foundation
import RLCore

/// Proportional prioritized experience replay (Schaul et al. 2016, Sec. 3.3–3.4 and Algorithm 1).
///
/// Slot i has priority pᵢ = |δᵢ| + ε and is drawn with probability P(i) = pᵢ^α / Σₖ pₖ^α (α = 0 is uniform
/// replay). A new transition enters at the largest priority seen so far (1 at the start), so it is replayed
/// at least once with high probability before its TD error is known. A minibatch of k splits [0, p_total)
/// into k equal ranges and draws one uniform point in each (stratified sampling), then finds each point's
/// leaf in a `SumTree`: O(k log N), no allocation.
///
/// The importance-sampling weight wᵢ = (N·P(i))^−β corrects the bias of non-uniform replay; it is divided
/// by the largest weight over the whole memory, (N·min P)^−β, so wᵢ/w_max = (pᵢ^α / min p^α)^−β. Normalising
/// over the memory rather than the batch makes a transition's weight independent of which other
/// transitions happened to be drawn with it, so the effective step size of an update is stable from batch
/// to batch (the choice of OpenAI Baselines); the sum tree keeps the minimum in O(1) for it.
public final class PrioritizedReplayBuffer: ReplayMemory {
    let storage: ReplayBuffer
    private var tree: SumTree
    /// The raw priorities |δ| + ε before the exponent α, kept so α can change while training runs.
    var priorities: [Double]
    /// The exponent α of P(i); changing it re-weights every stored priority (O(N log N)).
    public var alpha: Double {
        didSet {
            precondition(alpha >= 0, "α must be non-negative")
            for slot in 0..<count { tree.update(slot, priority: pow(priorities[slot], alpha)) }
        }
    }
    /// ε, added to |δ| so no transition's probability falls to zero.
    public let epsilon: Double
    /// The largest priority |δ| + ε assigned so far (1 at the start): new transitions enter with it.
    public internal(set) var maxPriority: Double = 1

    public convenience init(capacity: Int, observationCount: Int, alpha: Double = 0.6, epsilon: Double = 1e-6) {
        self.init(capacity: capacity, storage: ReplayBuffer.Storage(observationCount: observationCount), alpha: alpha,
                  epsilon: epsilon)
    }

    /// A memory that keeps its transitions as `storage` says (binary observations packed; see `ReplayBuffer`).
    public init(capacity: Int, storage layout: ReplayBuffer.Storage, alpha: Double = 0.6, epsilon: Double = 1e-6) {
        precondition(alpha >= 0, "α must be non-negative")
        precondition(epsilon > 0, "ε must be positive")
        storage = ReplayBuffer(capacity: capacity, storage: layout)
        tree = SumTree(capacity: capacity)
        priorities = [Double](repeating: 0, count: capacity)
        self.alpha = alpha
        self.epsilon = epsilon
    }

    public var capacity: Int { storage.capacity }

    /// The bytes a memory of `capacity` transitions allocates: the transitions, their raw priorities and the
    /// sum tree.
    public static func bytes(capacity: Int, observationCount: Int) -> Int {
        bytes(capacity: capacity, storage: ReplayBuffer.Storage(observationCount: observationCount))
    }

    /// The bytes of a memory whose transitions are kept as `storage` says.
    public static func bytes(capacity: Int, storage: ReplayBuffer.Storage) -> Int {
        ReplayBuffer.bytes(capacity: capacity, storage: storage)
            + capacity * MemoryLayout<Double>.stride + SumTree.bytes(capacity: capacity)
    }
    public var observationCount: Int { storage.observationCount }
    public var count: Int { storage.count }

    @discardableResult
    public func add(observation: UnsafeBufferPointer<Float>, action: Int, reward: Float,
                    nextObservation: UnsafeBufferPointer<Float>, terminated: Bool, truncated: Bool) -> Int {
        let slot = storage.add(observation: observation, action: action, reward: reward,
                               nextObservation: nextObservation, terminated: terminated, truncated: truncated)
        setPriority(maxPriority, of: slot)
        return slot
    }

    /// Draws `batch.size` transitions by stratified proportional sampling and writes their normalised
    /// importance-sampling weights (N·P(i))^−β / max_j (N·P(j))^−β, with β in [0, 1] annealed towards 1.
    public func sample(into batch: inout ReplayBatch, beta: Double, using generator: inout Xoshiro256StarStar) {
        precondition(count > 0, "cannot sample from an empty replay buffer")
        precondition(beta >= 0 && beta <= 1, "β must lie in [0, 1]")
        let segment = tree.total / Double(batch.size)
        let smallest = tree.minimum
        for row in 0..<batch.size {
            let slot = tree.index(forPrefixSum: (Double(row) + generator.uniform()) * segment)
            storage.copy(slot: slot, into: &batch, row: row)
            batch.weights[row] = Float(pow(tree[slot] / smallest, -beta))
        }
    }

    /// Sets the priority of each replayed slot to |δ| + ε (Algorithm 1, line 12).
    public func updatePriorities(indices: [Int], tdErrors: [Float]) {
        precondition(indices.count == tdErrors.count, "one TD error per index")
        // An index loop: iterating the arrays themselves allocates in unoptimised builds.
        for row in 0..<indices.count {
            let error = tdErrors[row]
            precondition(error.isFinite, "TD error \(error) is not finite")
            let priority = Double(abs(error)) + epsilon
            setPriority(priority, of: indices[row])
            maxPriority = max(maxPriority, priority)
        }
    }

    public func transition(at index: Int) -> Transition {
        storage.transition(at: index)
    }

    /// The priority |δ| + ε of `slot` (before the exponent α).
    public func priority(of slot: Int) -> Double {
        precondition(slot >= 0 && slot < count, "slot \(slot) outside 0..<\(count)")
        return priorities[slot]
    }

    /// P(slot) = p^α / Σₖ pₖ^α, the probability that one draw picks `slot`.
    public func samplingProbability(of slot: Int) -> Double {
        precondition(slot >= 0 && slot < count, "slot \(slot) outside 0..<\(count)")
        return tree[slot] / tree.total
    }

    func setPriority(_ priority: Double, of slot: Int) {
        priorities[slot] = priority
        tree.update(slot, priority: pow(priority, alpha))
    }
}
