import Agents
import CorpusSupport
import Foundation
import Testing
@testable import Training

/// The damaged checkpoints of Tests/Corpus/checkpoints, loaded as `rlterm eval --checkpoint FILE` loads them:
/// each is refused with the reason its expected.tsv gives, and the two valid control files load.
@Suite("Damaged-checkpoint corpus")
struct CheckpointCorpusTests {
    static let corpus = try! BadFileCorpus("checkpoints")

    @Test("every corpus checkpoint is listed in expected.tsv and described in the README")
    func listed() throws {
        #expect(try Self.corpus.disagreements() == [])
    }

    @Test("each damaged checkpoint is refused with its reason; the control files load", arguments: corpus.cases)
    func refused(_ entry: BadFileCorpus.Case) throws {
        do {
            let loaded = try AgentCheckpoint.load(from: entry.path)
            #expect(entry.status == 0, "\(entry.file) loaded as \(loaded.agent.algorithm)")
        } catch {
            #expect(entry.status == 65, "\(entry.file): \(error)")
            if case .unreadable = error { Issue.record("\(entry.file) is damaged, not unreadable: \(error)") }
            #expect(error.description == entry.path + entry.message)
        }
    }
}
