import Agents
import TerminalUI
import Testing
@testable import Training
@testable import Watch

/// A viewer of a shared session without control (`rlterm attach`): its keys change its own view only.
@Suite("Terminal UI: a read-only viewer's keys")
struct ReadOnlyViewerTests {
    static func viewer() -> WatchController {
        WatchController(algorithms: AlgorithmRegistry.all, environments: [EnvironmentSpec(name: "cartpole")], readOnly: true)
    }

    @Test("every key that would change the training sends nothing and says read-only")
    func trainingKeys() throws {
        let snapshot = try WatchTests.worker(paused: false).snapshot()
        for action in UIAction.allCases where WatchController.changesTraining(action) {
            var controller = Self.viewer()
            #expect(controller.handle(action, snapshot: snapshot, now: WatchTests.now).isEmpty, "\(action)")
            #expect(controller.view.localMessage == WatchController.readOnlyMessage, "\(action)")
        }
    }

    @Test("view keys change the viewer's own view, and browsing frames does not pause the run")
    func viewKeys() throws {
        let worker = try WatchTests.worker(paused: false)
        for _ in 0..<20 { worker.stepOnce() }
        let snapshot = worker.snapshot()
        var controller = Self.viewer()
        for action in [UIAction.cycleHeatmapView, .cyclePlotView, .toggleExplain, .toggleHelp, .frameBack, .frameBack] {
            #expect(controller.handle(action, snapshot: snapshot, now: WatchTests.now).isEmpty, "\(action)")
        }
        #expect(controller.view.heatmapIndex == 1 && controller.view.plotView == .loss)
        #expect(controller.view.showExplain && controller.view.showHelp)
        #expect(controller.view.cursor?.index == snapshot.lastEpisode.count + snapshot.currentEpisode.count - 3)
        #expect(controller.view.localMessage == nil)
        var teacher = WatchTests.controller()
        #expect(teacher.handle(.frameBack, snapshot: snapshot, now: WatchTests.now) == [.pause], "the teacher's browsing pauses")
    }
}
