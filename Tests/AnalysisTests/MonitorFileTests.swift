import Analysis
import Foundation
import RLCore
import Testing
import Training

@Suite("Monitor files: rlterm's and SB3's, and damaged ones reported by line")
struct MonitorFileTests {
    @Test("an rlterm monitor.csv reads as its header and episodes")
    func rltermFile() throws {
        let file = try MonitorFile.parse(FixtureRuns.monitor([(9, 9, 0.01), (-13.5, 200, 1.25)]), path: "m.csv")
        #expect(file.startTime == 1000 && file.environmentID == "cartpole" && file.warnings.isEmpty)
        #expect(file.episodes == [EpisodeRecord(reward: 9, length: 9, time: 0.01), EpisodeRecord(reward: -13.5, length: 200, time: 1.25)])
    }

    @Test("SB3's own Monitor file (CR LF line ends, written by its Monitor wrapper) reads whole")
    func sb3File() throws {
        let file = try MonitorFile.read(path: FixtureRuns.sb3 + "/seed=0/monitor.csv")
        let text = try String(contentsOfFile: file.path, encoding: .utf8)
        #expect(text.contains("\r\n"), "the fixture keeps SB3's line ends")
        #expect(file.environmentID == "CartPole-v1" && file.warnings.isEmpty)
        #expect(file.episodes.count == 60)
        #expect(file.episodes.allSatisfy { $0.reward == Double($0.length) }, "CartPole pays 1 per step")
        #expect(zip(file.episodes, file.episodes.dropFirst()).allSatisfy { $0.time <= $1.time })
    }

    @Test("SB3's extra info_keywords columns are allowed; r, l and t are found by name")
    func extraColumns() throws {
        let text = "#{\"t_start\": 5, \"env_id\": \"X\"}\nr,l,t,is_success\n1.5,3,0.2,True\n"
        let file = try MonitorFile.parse(text, path: "m.csv")
        #expect(file.episodes == [EpisodeRecord(reward: 1.5, length: 3, time: 0.2)])
    }

    @Test("a last line without a line end (a run killed while writing) is left out with a warning at its line")
    func truncatedLastLine() throws {
        let text = FixtureRuns.monitor([(1, 10, 0.1), (2, 10, 0.2)]) + "3.0,1"
        let file = try MonitorFile.parse(text, path: "runs/a/monitor.csv")
        #expect(file.episodes.count == 2)
        #expect(file.warnings == ["runs/a/monitor.csv:5: incomplete last line (no line end), left out: '3.0,1'"])
    }

    @Test("damaged files are refused at the line that is wrong", arguments: [
        ("", "m.csv:1: empty file, expected the Monitor header '#{\"t_start\": …}'"),
        ("r,l,t\n1,1,1\n", "m.csv:1: not a Monitor header: expected '#{\"t_start\": <seconds>, \"env_id\": …}', got 'r,l,t'"),
        ("#{\"env_id\": \"X\"}\nr,l,t\n", "m.csv:1: not a Monitor header: expected '#{\"t_start\": <seconds>, \"env_id\": …}', got '#{\"env_id\": \"X\"}'"),
        ("#{\"t_start\": 1}\n", "m.csv:2: no column header (expected 'r,l,t'): the file is cut short"),
        ("#{\"t_start\": 1}\nreward,length\n", "m.csv:2: the column header must name r, l and t, got 'reward,length'"),
        ("#{\"t_start\": 1}\nr,l,t\n1,2,3\n1,2\n", "m.csv:4: expected 3 cells (r,l,t), got 2: '1,2'"),
        ("#{\"t_start\": 1}\nr,l,t\nnan,2,3\n", "m.csv:3: r must be a finite number, got 'nan'"),
        ("#{\"t_start\": 1}\nr,l,t\n1,0,3\n", "m.csv:3: l must be a whole number ≥ 1, got '0'"),
        ("#{\"t_start\": 1}\nr,l,t\n1,2.5,3\n", "m.csv:3: l must be a whole number ≥ 1, got '2.5'"),
        ("#{\"t_start\": 1}\nr,l,t\n1,2,-3\n", "m.csv:3: t must be a number of seconds ≥ 0, got '-3'"),
    ])
    func damaged(text: String, message: String) {
        #expect(throws: RunReadError.self) { try MonitorFile.parse(text, path: "m.csv") }
        do {
            _ = try MonitorFile.parse(text, path: "m.csv")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("random bytes never crash the reader: each is read or refused with a location")
    func garbage() {
        var generator = Xoshiro256StarStar(seed: 19)
        for _ in 0..<300 {
            let header = FixtureRuns.monitor([(1, 1, 0)])
            let noise = String(decoding: (0..<Int.random(in: 0..<80, using: &generator)).map { _ in
                UInt8.random(in: 0...127, using: &generator)
            }, as: UTF8.self)
            let text = Bool.random(using: &generator) ? header + noise : noise + header
            do {
                _ = try MonitorFile.parse(text, path: "g.csv")
            } catch {
                #expect(error.location.hasPrefix("g.csv:"))
            }
        }
    }
}
