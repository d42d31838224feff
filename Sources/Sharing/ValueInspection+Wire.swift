import Environments
import NeuralNet
import Training

extension WireWriter {
    mutating func values(_ inspection: ValueInspection) {
        domain(inspection.domain)
        array(inspection.qValues) { $0.array($1) { $0.float($1) } }
        array(inspection.probabilities) { $0.array($1) { $0.float($1) } }
        array(inspection.stateValues) { $0.optional($1) { $0.float($1) } }
        optional(inspection.optimalQ) { $0.array($1) { $0.array($1) { $0.double($1) } } }
        optional(inspection.featureMaps) { writer, maps in
            writer.int(maps.count)
            writer.int(maps.height)
            writer.int(maps.width)
            writer.array(maps.values) { $0.float($1) }
        }
    }

    mutating func domain(_ domain: InspectionDomain) {
        switch domain {
        case .gridCells(let rows, let columns):
            byte(1)
            int(rows)
            int(columns)
        case .cartPoleSlice(let angles, let velocities, let rows, let columns):
            byte(2)
            range(angles)
            range(velocities)
            int(rows)
            int(columns)
        case .stateSlice(let slice):
            byte(3)
            for axis in [slice.horizontal, slice.vertical] {
                string(axis.name)
                int(axis.stateComponent)
                range(axis.range)
                int(axis.count)
            }
            array(slice.actionNames) { $0.string($1) }
            array(slice.actionDirections) { $0.int($1) }
        case .chainStates(let count):
            byte(4)
            int(count)
        case .currentState: byte(5)
        }
    }
}

extension WireReader {
    mutating func values() throws(ShareProtocolError) -> ValueInspection {
        let domain = try self.domain()
        let floats = { (reader: inout WireReader) throws(ShareProtocolError) -> [Float] in
            try reader.array(minimumElementBytes: 4) { reader throws(ShareProtocolError) in try reader.float() }
        }
        let qValues = try array(minimumElementBytes: 4, floats)
        let probabilities = try array(minimumElementBytes: 4, floats)
        let stateValues = try array(minimumElementBytes: 1) { reader throws(ShareProtocolError) in
            try reader.optional { reader throws(ShareProtocolError) in try reader.float() }
        }
        let optimalQ = try optional { reader throws(ShareProtocolError) in
            try reader.array(minimumElementBytes: 4) { reader throws(ShareProtocolError) in
                try reader.array(minimumElementBytes: 8) { reader throws(ShareProtocolError) in try reader.double() }
            }
        }
        let featureMaps = try optional { reader throws(ShareProtocolError) -> FeatureMaps in
            let count = try reader.int(in: 1...WireLimits.featureMaps, "the feature maps")
            let side = 1...WireLimits.featureMapSide
            let height = try reader.int(in: side, "a feature map's height")
            let width = try reader.int(in: side, "a feature map's width")
            let values = try floats(&reader)
            guard values.count == count * height * width else {
                throw reader.malformed("\(values.count) activations for \(count) feature maps of \(height)×\(width)")
            }
            return FeatureMaps(count: count, height: height, width: width, values: values)
        }
        let points = domain.pointCount
        for (name, count) in [("Q-values", qValues.count), ("probabilities", probabilities.count),
                              ("state values", stateValues.count), ("Q*", optimalQ?.count ?? 0)]
        where count != 0 && count != points {
            throw malformed("\(count) points of \(name) for a view of \(points) points")
        }
        return ValueInspection(domain: domain, qValues: qValues, probabilities: probabilities, stateValues: stateValues,
                               optimalQ: optimalQ, featureMaps: featureMaps)
    }

    mutating func domain() throws(ShareProtocolError) -> InspectionDomain {
        let side = 1...WireLimits.gridSide
        switch try byte() {
        case 1: return .gridCells(rows: try int(in: side, "a value grid's rows"), columns: try int(in: side, "a value grid's columns"))
        case 2:
            return .cartPoleSlice(angles: try range(), angularVelocities: try range(),
                                  rows: try int(in: side, "a slice's rows"), columns: try int(in: side, "a slice's columns"))
        case 3:
            var axes: [SliceAxis] = []
            for _ in 0..<2 {
                axes.append(SliceAxis(name: try string(), stateComponent: try int(in: 0...63, "a slice axis's component"),
                                      range: try range(), count: try int(in: side, "a slice axis's points")))
            }
            let names = try array(minimumElementBytes: 4) { reader throws(ShareProtocolError) in try reader.string() }
            let directions = try array(minimumElementBytes: 8) { reader throws(ShareProtocolError) in
                try reader.int(in: -1...1, "an action's direction")
            }
            return .stateSlice(StateSlice(horizontal: axes[0], vertical: axes[1], actionNames: names,
                                          actionDirections: directions))
        case 4: return .chainStates(try int(in: 1...WireLimits.chainStates, "the chain's states"))
        case 5: return .currentState
        case let tag: throw malformed("unknown value domain \(tag)")
        }
    }
}
