import Testing
@testable import Training

@Suite("Progress bar")
struct ProgressBarTests {
    @Test("the bar has exactly the width asked for, filled in proportion and clamped to [0, 1]")
    func barWidth() {
        #expect(ProgressBar.bar(fraction: 0, width: 10) == "░░░░░░░░░░")
        #expect(ProgressBar.bar(fraction: 0.25, width: 10) == "██░░░░░░░░")
        #expect(ProgressBar.bar(fraction: 0.999, width: 10) == "█████████░")
        #expect(ProgressBar.bar(fraction: 1, width: 10) == "██████████")
        #expect(ProgressBar.bar(fraction: 1.5, width: 4) == "████")
        #expect(ProgressBar.bar(fraction: -1, width: 4) == "░░░░")
        for width in [1, 7, 24] {
            #expect(ProgressBar.bar(fraction: 0.6, width: width).count == width)
        }
    }

    @Test("durations print as h:mm:ss rounded up, unknown ones as -:--:--")
    func clock() {
        #expect(ProgressBar.clock(0) == "0:00:00")
        #expect(ProgressBar.clock(0.2) == "0:00:01")
        #expect(ProgressBar.clock(59.5) == "0:01:00")
        #expect(ProgressBar.clock(3661) == "1:01:01")
        #expect(ProgressBar.clock(36_000 + 599) == "10:09:59")
        #expect(ProgressBar.clock(.nan) == "-:--:--")
        #expect(ProgressBar.clock(.infinity) == "-:--:--")
        #expect(ProgressBar.clock(-1) == "-:--:--")
    }

    @Test("the line shows percent, steps, rate, ETA = remaining / rate and the mean return, or a dash before one")
    func line() {
        var progress = TrainingProgress(steps: 2500, totalSteps: 10_000, episodes: 40, meanReturn: 21.256,
                                        stepsPerSecond: 1500, trainSeconds: 1.7, lastLoss: nil)
        #expect(ProgressBar.line(progress, barWidth: 8)
            == "[██░░░░░░]  25.0%  2500/10000 steps  1500 steps/s  ETA 0:00:05  mean return 21.26")
        progress.meanReturn = nil
        progress.stepsPerSecond = 0
        #expect(ProgressBar.line(progress, barWidth: 8)
            == "[██░░░░░░]  25.0%  2500/10000 steps  0 steps/s  ETA -:--:--  mean return –")
    }
}
