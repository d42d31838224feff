import Experiments

extension BlindCliffwalkExperiment {
    /// The median of `updatesToLearn` over `seeds` (the paper plots the median of 10 runs). Runs that gave
    /// up count as more than any finished run; nil if the median itself is such a run.
    static func medianUpdates(states: Int, replay: Replay, representation: Representation, seeds: [UInt64],
                              settings: Settings = Settings()) -> Double? {
        precondition(!seeds.isEmpty, "the median needs at least one seed")
        return median(of: seeds.map {
            updatesToLearn(states: states, replay: replay, representation: representation, seed: $0, settings: settings)
        })
    }
}
