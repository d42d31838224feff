import Environments
import RLCore

/// libFuzzer entry point for the map parser: every input must parse or be refused with a `MapError`; a map
/// that parses is also turned into its transition table, solved for a few sweeps and stepped, so what the
/// parser lets through is exercised by the code it feeds.
@_cdecl("LLVMFuzzerTestOneInput")
public func mapParserFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let map = try? GridMap.parse(bytes, source: "fuzz.txt") else { return 0 }
    precondition(map.rows >= 1 && map.cols >= 1 && map.cells.count == map.rows * map.cols, "inconsistent map")
    let solution = ValueIteration(model: TransitionModel(map: map), gamma: 0.9, maxSweeps: 3)
    precondition(solution.values.count == map.cells.count, "one value per cell")
    var world = Gridworld(map: map, generator: Xoshiro256StarStar(seed: UInt64(size)))
    var observation = [Float](repeating: 0, count: world.observationCount)
    for step in 0..<64 {
        let outcome = world.step(step % world.actionCount)
        observation.withUnsafeMutableBufferPointer { world.writeObservation(into: $0) }
        if outcome.terminated || outcome.truncated { world.reset() }
    }
    return 0
}
