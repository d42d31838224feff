extension Gridworld: DescribedEnvironment {
    public var observationLayout: ObservationLayout {
        switch observationKind {
        case .oneHot: .vector(count: observationCount, components: nil)
        case .coordinates: .vector(count: observationCount, components: ["row", "column"])
        }
    }

    /// On a deterministic map, the return of value iteration's greedy path from the start (γ = 0.99), so solved
    /// means the greedy policy walks an optimal path; none on a slippery map, whose return is a random variable.
    public var solvedThreshold: Double? {
        map.settings.slippery ? nil : OptimalPath(grid: self, gamma: 0.99).return
    }

    /// The largest |r| of the map's transition table: of the rewards its settings give, those its cells can
    /// produce (a map without cliffs never pays `cliff_reward`).
    public var maximumAbsoluteReward: Double { model.maximumAbsoluteReward }

    /// The map's `max_steps`, if it sets one.
    public var timeLimit: Int? { map.settings.maxSteps }

    public var sceneLayout: SceneLayout { .grid(rows: map.rows, columns: map.cols, cells: map.cells) }

    public var sceneState: SceneState { .grid(cell: position) }

    /// Every cell of the map, row-major; walls have no observation.
    public var inspectionPoints: InspectionPoints {
        let count = observationCount
        let observations = (0..<(map.rows * map.cols)).map { cell -> [Float]? in
            guard map.cells[cell] != .wall else { return nil }
            return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
                writeObservation(of: cell, into: buffer)
                initialized = count
            }
        }
        return InspectionPoints(domain: .gridCells(rows: map.rows, columns: map.cols), observations: observations)
    }

    /// Value iteration's Q* on the map's transition model at `gamma`; none at γ = 1 (or without a γ), where value
    /// iteration is not sure to converge.
    public func optimalActionValues(gamma: Double?) -> [[Double]]? {
        guard let gamma, gamma < 1 else { return nil }
        return ValueIteration(model: model, gamma: gamma).actionValues.map { $0 ?? [] }
    }
}
