import Environments
import RLCore
import TerminalUI
import Training
import Watch

/// Frames of an evaluation drawn as plain text (`rlterm eval --render ascii`): each state with the same
/// widgets as the terminal UI, in ASCII and without colour, under a line naming the episode, step, reward and
/// return.
struct EpisodeText {
    static let width = 60
    private let theme = Theme(colorMode: .none, charset: .ascii)
    private var layout: SceneLayout?
    private var frames: [EpisodeFrame] = []

    /// The text of the frame `environment` is in now, after the step that gave `outcome` (nil after a reset).
    mutating func frame(_ environment: any Environment, episode: Int, outcome: StepOutcome?) -> String {
        if outcome == nil {
            layout = SceneLayout(of: environment)
            frames = []
        }
        let reward = outcome?.reward ?? 0
        frames.append(EpisodeFrame(state: SceneState(of: environment), reward: reward,
                                   returnSoFar: (frames.last?.returnSoFar ?? 0) + reward))
        let scene = DashboardPresenter.scene(layout: layout ?? .none, frames: frames, index: frames.count - 1)
        var surface = MemorySurface(width: Self.width, height: scene.fullHeight(width: Self.width))
        scene.widget.render(into: &surface, area: surface.bounds, theme: theme)
        let end = outcome.map { $0.terminated ? " (terminated)" : ($0.truncated ? " (truncated)" : "") } ?? ""
        let heading = "episode \(episode + 1) step \(frames.count - 1) reward \(reward) return \(frames.last!.returnSoFar)\(end)"
        let picture = surface.lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }
        return ([heading] + picture).joined(separator: "\n") + "\n"
    }
}
