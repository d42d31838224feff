import Environments
import Foundation

/// Reads and decodes the traces file at `path` for a `conformance` subcommand, failing with the command's exit
/// statuses: 66 when it does not exist, 65 when it cannot be read or is not a valid traces file.
func readTraceFile<Schema: TraceSchema, File>(
    _ path: String, decode: (Data) throws(TraceFileError<Schema>) -> File
) throws -> File {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw CommandFailure("\(path): no such file", status: .noInput)
    }
    guard !isDirectory.boolValue else {
        throw CommandFailure("\(path): is a directory, not a traces file", status: .dataError)
    }
    let data: Data
    do {
        data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
        throw CommandFailure("\(path): cannot be read: \(error.localizedDescription)", status: .dataError)
    }
    do {
        return try decode(data)
    } catch .notJSON(let line, let column, let reason) {
        throw CommandFailure("\(path):\(line):\(column): not valid JSON: \(reason)", status: .dataError)
    } catch {
        throw CommandFailure("\(path): \(error)", status: .dataError)
    }
}
