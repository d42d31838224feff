import Foundation

/// The text of Stable-Baselines3's `Monitor` CSV, so SB3's `load_results` and existing plotting tools read
/// rlterm's `monitor.csv`: a first line `#{"t_start": <unix time>, "env_id": "<env>"}`, the header `r,l,t`,
/// then one row per episode with the return and the time rounded to 6 decimals as SB3 rounds them.
public enum MonitorFormat {
    /// The JSON comment line and the header.
    public static func header(startTime: Double, environment: String) -> String {
        let escaped = environment.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "#{\"t_start\": \(startTime), \"env_id\": \"\(escaped)\"}\nr,l,t\n"
    }

    /// One episode's row.
    public static func row(_ episode: EpisodeRecord) -> String {
        "\(rounded(episode.reward)),\(episode.length),\(rounded(episode.time))\n"
    }

    /// `value` rounded to 6 decimals, written as Python writes a float (500.0, -13.0, 0.123457).
    static func rounded(_ value: Double) -> String {
        String((value * 1e6).rounded() / 1e6)
    }
}
