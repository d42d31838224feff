import Foundation
import Training

/// A Stable-Baselines3 Monitor file (`monitor.csv`, or `N.monitor.csv` as SB3 names one per environment
/// copy) as rlterm and SB3 write it: a first line `#` + a JSON object with `t_start` (Unix seconds) and
/// `env_id`, a header naming the columns (`r,l,t`, then any `info_keywords` SB3 was given), one row per
/// finished episode.
///
/// Every complete line must be well formed, or the file is refused at that line: a row that cannot be read
/// would shift the step count of every later episode. A last line without a line end is a row still being
/// written, or cut off when a run was killed: it is left out, with a warning, since its numbers may be cut.
public struct MonitorFile: Sendable {
    public let path: String
    /// `t_start`: the Unix time episode times count from.
    public let startTime: Double
    /// `env_id` of the header, nil when it has none.
    public let environmentID: String?
    public let episodes: [EpisodeRecord]
    /// What was left out without refusing the file (an incomplete last line), as `file:line: reason`.
    public let warnings: [String]

    /// Reads and parses the file at `path`.
    public static func read(path: String) throws(RunReadError) -> MonitorFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RunReadError(location: path, reason: "cannot read the file")
        }
        return try parse(String(decoding: data, as: UTF8.self), path: path)
    }

    /// Parses the text of a Monitor file; `path` only names it in messages.
    public static func parse(_ text: String, path: String) throws(RunReadError) -> MonitorFile {
        // SB3 writes through Python's csv module, whose lines end in CR LF: one Character in Swift, so it is
        // replaced before splitting at LF.
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        var warnings: [String] = []
        if lines.last == "" {
            lines.removeLast()
        } else if lines.count > 2 {
            warnings.append("\(path):\(lines.count): incomplete last line (no line end), left out: '\(quoted(lines.removeLast()))'")
        }
        guard let first = lines.first, !first.isEmpty else {
            throw RunReadError(path: path, line: 1, reason: "empty file, expected the Monitor header '#{\"t_start\": …}'")
        }
        let (startTime, environmentID) = try header(first, path: path)
        guard lines.count >= 2 else {
            throw RunReadError(path: path, line: 2, reason: "no column header (expected 'r,l,t'): the file is cut short")
        }
        let columns = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard let r = columns.firstIndex(of: "r"), let l = columns.firstIndex(of: "l"), let t = columns.firstIndex(of: "t") else {
            throw RunReadError(path: path, line: 2, reason: "the column header must name r, l and t, got '\(quoted(lines[1]))'")
        }
        var episodes: [EpisodeRecord] = []
        for (index, line) in lines.enumerated().dropFirst(2) {
            let number = index + 1
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            guard cells.count == columns.count else {
                throw RunReadError(path: path, line: number,
                                   reason: "expected \(columns.count) cells (\(lines[1])), got \(cells.count): '\(quoted(line))'")
            }
            guard let reward = Double(cells[r]), reward.isFinite else {
                throw RunReadError(path: path, line: number, reason: "r must be a finite number, got '\(quoted(cells[r]))'")
            }
            guard let length = Int(cells[l]), length >= 1 else {
                throw RunReadError(path: path, line: number, reason: "l must be a whole number ≥ 1, got '\(quoted(cells[l]))'")
            }
            guard let time = Double(cells[t]), time.isFinite, time >= 0 else {
                throw RunReadError(path: path, line: number, reason: "t must be a number of seconds ≥ 0, got '\(quoted(cells[t]))'")
            }
            episodes.append(EpisodeRecord(reward: reward, length: length, time: time))
        }
        return MonitorFile(path: path, startTime: startTime, environmentID: environmentID, episodes: episodes,
                           warnings: warnings)
    }

    /// Text from the file for a message: at most 60 characters, the rest marked cut.
    static func quoted(_ text: some StringProtocol) -> String {
        text.count <= 60 ? String(text) : text.prefix(57) + "..."
    }

    private static func header(_ line: String, path: String) throws(RunReadError) -> (Double, String?) {
        let object = line.hasPrefix("#")
            ? (try? JSONSerialization.jsonObject(with: Data(line.dropFirst().utf8))) as? [String: Any] : nil
        guard let object, let start = (object["t_start"] as? NSNumber)?.doubleValue, start.isFinite else {
            throw RunReadError(path: path, line: 1,
                               reason: "not a Monitor header: expected '#{\"t_start\": <seconds>, \"env_id\": …}', got '\(quoted(line))'")
        }
        return (start, object["env_id"] as? String)
    }
}
