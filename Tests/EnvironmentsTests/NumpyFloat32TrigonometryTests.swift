import Foundation
import RLCore
import Testing
@testable import Environments

/// numpy's float32 sin and cos, and so Acrobot-v1's first observation after `reset(seed=N)`, against
/// Fixtures/numpy_float32_trig.json (written by Fixtures/generate_numpy_float32_trig.py from numpy 2.4.6 and
/// gymnasium 1.4.0).
@Suite("numpy's float32 sin and cos")
struct NumpyFloat32TrigonometryTests {
    struct Reference: Decodable, Sendable {
        struct AcrobotReset: Decodable, Sendable {
            let seed: Int
            let observation: [UInt32]
        }

        let arguments: [UInt32]
        let sin: [UInt32]
        let cos: [UInt32]
        let acrobot_resets: [AcrobotReset]
    }

    static let reference: Reference = {
        let url = Bundle.module.url(forResource: "numpy_float32_trig", withExtension: "json", subdirectory: "Fixtures")!
        return try! JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }()

    static func sameBits(_ value: Float, _ expected: UInt32) -> Bool {
        let expectedValue = Float(bitPattern: expected)
        return value.isNaN ? expectedValue.isNaN : value.bitPattern == expected
    }

    @Test("sin and cos equal numpy's, bit for bit, for 2,930 arguments, 215 of them where rounding the float64 value does not")
    func matchesNumpy() {
        let reference = Self.reference
        #expect(reference.arguments.count == 2930)
        var differFromRounded = 0
        for (index, bits) in reference.arguments.enumerated() {
            let x = Float(bitPattern: bits)
            let sine = NumpyFloat32Trigonometry.sin(x), cosine = NumpyFloat32Trigonometry.cos(x)
            #expect(Self.sameBits(sine, reference.sin[index]), "sin(\(x)) = \(sine)")
            #expect(Self.sameBits(cosine, reference.cos[index]), "cos(\(x)) = \(cosine)")
            if x.isFinite, Float(Foundation.sin(Double(x))).bitPattern != reference.sin[index]
                || Float(Foundation.cos(Double(x))).bitPattern != reference.cos[index] {
                differFromRounded += 1
            }
        }
        // The fixture is a test of the float32 method only if rounding float64 results would fail it.
        #expect(differFromRounded >= 215)
    }

    @Test("Acrobot's observation after reset(seed=N) is gymnasium's, including the 40 seeds below 20,000 where numpy's float32 cos or sin differs")
    func acrobotFirstObservations() throws {
        let resets = Self.reference.acrobot_resets
        #expect(resets.count == 60)
        var buffer = [Float](repeating: 0, count: 6)
        for reset in resets {
            var environment = try EnvironmentRegistry.make(
                "acrobot", options: EnvironmentOptions(gymSeed: GymSeed(String(reset.seed))!),
                generator: RunSeed(1).generator(for: "env"))
            environment.reset()
            buffer.withUnsafeMutableBufferPointer { environment.writeObservation(into: $0) }
            #expect(buffer.map(\.bitPattern) == reset.observation, "gym seed \(reset.seed)")
            // After a step the state is float64 again, as in gymnasium: the observation is the rounded float64 one.
            _ = environment.step(1)
            let state = try #require(environment as? Acrobot).state
            buffer.withUnsafeMutableBufferPointer { environment.writeObservation(into: $0) }
            #expect(buffer[0] == Float(Foundation.cos(state.theta1)) && buffer[3] == Float(Foundation.sin(state.theta2)))
        }
    }
}
