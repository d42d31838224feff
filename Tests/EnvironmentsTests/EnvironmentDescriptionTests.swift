import Foundation
import RLCore
import Testing
@testable import Environments

@Suite("Environments describe themselves")
struct EnvironmentDescriptionTests {
    private func make(_ name: String, options: EnvironmentOptions = EnvironmentOptions()) throws -> any DescribedEnvironment {
        try EnvironmentRegistry.make(name, options: options, generator: RunSeed(5).generator(for: "env"))
    }

    @Test("every environment's observation layout has its observation's length, and every point its observation",
          arguments: EnvironmentRegistry.descriptors().map(\.name))
    func layoutsAgree(name: String) throws {
        let environment = try make(name, options: EnvironmentOptions(bits: 6, states: 5))
        #expect(environment.observationLayout.count == environment.observationCount)
        let points = environment.inspectionPoints
        if points.domain != .currentState {
            #expect(points.observations.count == points.domain.pointCount)
        }
        #expect(points.observations.allSatisfy { $0 == nil || $0!.count == environment.observationCount })
        // MinAtar's image games have no picture yet (docs/MINATAR.md); every other environment has one.
        if case .image = environment.observationLayout { return }
        #expect(environment.sceneLayout != .none)
        #expect(environment.sceneState != .none)
    }

    @Test("CartPole names its components and inspects a θ × θ̇ slice, the highest θ̇ in the top row")
    func cartPoleSlice() throws {
        let cartPole = try make("cartpole")
        #expect(cartPole.observationLayout == .vector(count: 4, components: ["x", "ẋ", "θ", "θ̇"]))
        let points = cartPole.inspectionPoints
        let theta = Float(CartPole.thetaThresholdRadians)
        #expect(points.domain == .cartPoleSlice(angles: -CartPole.thetaThresholdRadians...CartPole.thetaThresholdRadians,
                                                angularVelocities: -2...2, rows: 9, columns: 25))
        #expect(points.observations.first == [0, 0, -theta, 2])
        #expect(points.observations.last == [0, 0, theta, -2])
        #expect(cartPole.optimalActionValues(gamma: 0.99) == nil)
    }

    @Test("MountainCar's value view spans its whole state space; Acrobot's is θ₁ × θ̇₁ with the second link still")
    func classicControlSlices() throws {
        let mountainCar = try make("mountaincar").inspectionPoints
        guard case .stateSlice(let slice) = mountainCar.domain else {
            Issue.record("expected a state slice")
            return
        }
        #expect(slice.horizontal.range == -1.2...0.6 && slice.vertical.range == -0.07...0.07)
        #expect(mountainCar.observations.count == 225)
        #expect(mountainCar.observations.first == [-1.2, 0.07])
        #expect(mountainCar.observations.last == [0.6, -0.07])
        let acrobot = try make("acrobot").inspectionPoints
        // The middle point: θ₁ = 0 and θ̇₁ = 0, hanging still: cos θ₁ = 1 and sin θ₁ = 0.
        #expect(acrobot.observations[4 * 25 + 12] == [1, 0, 1, 0, 0, 0])
        #expect(acrobot.observations.first == [Float(cos(-Double.pi)), Float(sin(-Double.pi)), 1, 0,
                                               Float(4 * Double.pi), 0])
        #expect(try make("acrobot").solvedThreshold == -100 && make("mountaincar").solvedThreshold == -110)
    }

    @Test("solved thresholds: CartPole 475, the chain 1, a deterministic map its optimal return, none elsewhere")
    func solvedThresholds() throws {
        #expect(try make("cartpole").solvedThreshold == 475)
        #expect(try make("cliffwalk").solvedThreshold == 1)
        #expect(try make("bitflip").solvedThreshold == nil)
        let grid = try #require(try make("cliffwalking") as? Gridworld)
        #expect(grid.solvedThreshold == OptimalPath(grid: grid, gamma: 0.99).return)
        #expect(try make("cliffwalking", options: EnvironmentOptions(forceSlippery: true)).solvedThreshold == nil)
    }

    @Test("Q* comes from value iteration on a map (none at γ = 1) and from the closed form on the chain")
    func optimalActionValues() throws {
        let grid = try #require(try make("cliffwalking") as? Gridworld)
        let solution = ValueIteration(model: grid.model, gamma: 0.9)
        #expect(grid.optimalActionValues(gamma: 0.9) == solution.actionValues.map { $0 ?? [] })
        #expect(grid.optimalActionValues(gamma: 1) == nil)
        #expect(grid.optimalActionValues(gamma: nil) == nil)
        let chain = try #require(try make("cliffwalk", options: EnvironmentOptions(states: 4)) as? BlindCliffwalk)
        let table = try #require(chain.optimalActionValues(gamma: nil))
        #expect(table.count == 4)
        #expect(table[2][chain.rightAction(in: 2)] == chain.trueQ(state: 2, action: chain.rightAction(in: 2)))
    }

    @Test("the scene state follows the environment")
    func sceneState() throws {
        var chain = try make("cliffwalk", options: EnvironmentOptions(states: 3))
        #expect(chain.sceneState == .chain(position: 0))
        #expect(SceneState(of: chain) == .chain(position: 0))
        #expect(SceneLayout(of: chain) == .chain(states: 3))
        let right = (chain as! BlindCliffwalk).rightAction(in: 0)
        _ = chain.step(right)
        #expect(chain.sceneState == .chain(position: 1))
        let flips = BitFlipping(bits: 3, generator: RunSeed(1).generator(for: "env"))
        #expect(flips.sceneState == .bitFlip(state: BitFlipping.pack(flips.state), goal: BitFlipping.pack(flips.goal)))
    }

    @Test("a screen names an environment with the options that shape it, a map by its file name")
    func displayNames() {
        let options = EnvironmentOptions(bits: 7, states: 6)
        #expect(EnvironmentRegistry.displayName(of: "bitflip", options: options) == "bitflip 7")
        #expect(EnvironmentRegistry.displayName(of: "cliffwalk", options: options) == "cliffwalk 6")
        #expect(EnvironmentRegistry.displayName(of: "cartpole", options: options) == "cartpole")
        #expect(EnvironmentRegistry.displayName(of: "maps/my_maze.txt", options: options) == "my_maze")
        #expect(EnvironmentRegistry.displayName(of: "cliffwalking", options: options) == "cliffwalking")
    }
}
