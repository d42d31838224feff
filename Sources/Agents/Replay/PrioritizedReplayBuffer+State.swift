import RLCore

extension PrioritizedReplayBuffer: StateSaving {
    /// The transitions (`storage.`), each slot's priority p and the largest so far; the sum tree is rebuilt from
    /// p^α, which gives every node the very sum it had (a node's value depends only on its leaves).
    public func saveState(into part: inout StatePart) {
        part.storing("storage", storage.savedState)
        part.set("priorities", doubles: Array(priorities[..<count]))
        part.set("max_priority", double: maxPriority)
    }

    public func restoreState(from part: StatePart) throws(StatePartError) {
        let storagePart = part.scoped("storage")
        let count = try storagePart.integer("count", in: 0...capacity)
        let saved = try part.doubles("priorities", count: count)
        if let index = saved.firstIndex(where: { !($0.isFinite && $0 > 0) }) {
            throw .outOfRange(key: "priorities", index: index, reason: "\(saved[index]) is not a positive priority")
        }
        let largest = try part.double("max_priority")
        guard largest >= saved.max() ?? 0 else {
            throw .outOfRange(key: "max_priority", index: 0, reason: "\(largest) is below a slot's priority")
        }
        try part.restoring("storage", storage.restoreState)
        for slot in 0..<count { setPriority(saved[slot], of: slot) }
        maxPriority = largest
    }
}
