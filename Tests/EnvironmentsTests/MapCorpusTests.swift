import CorpusSupport
import Testing
@testable import Environments

/// The malformed maps of Tests/Corpus/maps, read from disk as `--env FILE` reads them: each is refused with
/// the location and reason its expected.tsv gives (the end-to-end script checks the binary prints the same).
@Suite("Bad-map corpus")
struct MapCorpusTests {
    static let corpus = try! BadFileCorpus("maps")

    @Test("every corpus map is listed in expected.tsv and described in the README")
    func listed() throws {
        #expect(try Self.corpus.disagreements() == [])
    }

    @Test("each malformed map is refused as invalid with its file:line:col and reason", arguments: corpus.cases)
    func refused(_ entry: BadFileCorpus.Case) {
        #expect(entry.status == 65)
        do {
            let map = try MapLocator().load(entry.path)
            Issue.record("\(entry.file) loaded as a \(map.rows)×\(map.cols) map")
        } catch {
            guard case .invalidMap(let mapError) = error else {
                Issue.record("\(entry.file): \(error) is not an invalid-map error")
                return
            }
            #expect(mapError.source == entry.path)
            #expect(error.description == entry.path + entry.message)
        }
    }
}
