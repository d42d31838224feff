import Foundation

/// What a run's `run.json` says, flattened to text by dotted key (`algorithm`, `environment.name`,
/// `hyperparameters.lr`, `options.double`), so runs can be grouped by whichever settings differ.
public enum RunProperties {
    /// The keys whose values vary from seed to seed of one setting, or say nothing about the setting; they never
    /// form groups on their own.
    public static let perRunKeys: Set<String> = ["seed", "environment.gymSeed", "version", "overridden", "preset"]
    /// The key of the environment: runs on different environments are different strata of the bootstrap.
    public static let environmentKey = "environment.name"
    /// The key every run has: the directory that holds the run directory (a sweep's setting, or the folder a
    /// user keeps one program's seeds in; the grouping of runs without a `run.json`).
    public static let parentKey = "dir"
    /// Short names `--group-by` takes for the common keys.
    public static let aliases = ["env": environmentKey, "algo": "algorithm"]

    /// The flattened properties of the JSON object in `data`; `path` only names the file in messages.
    public static func parse(_ data: Data, path: String) throws(RunReadError) -> [String: String] {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw RunReadError(location: path, reason: "not JSON: \(describe(error))")
        }
        guard let dictionary = object as? [String: Any] else {
            throw RunReadError(location: path, reason: "expected a JSON object (a run's configuration)")
        }
        var properties: [String: String] = [:]
        flatten(dictionary, prefix: "", into: &properties)
        return properties
    }

    /// The key `name` stands for among `available`: itself, an alias (`env`, `algo`), or the one key ending
    /// in `.name` (`lr` for `hyperparameters.lr`); nil when none or several match.
    public static func resolve(_ name: String, among available: Set<String>) -> String? {
        if available.contains(name) { return name }
        if let alias = aliases[name], available.contains(alias) { return alias }
        let matches = available.filter { $0.hasSuffix("." + name) }
        return matches.count == 1 ? matches.first : nil
    }

    /// How a key is shown in a group's label: its last component (`lr`), `env` and `algo` for those two.
    public static func shortName(_ key: String) -> String {
        if let alias = aliases.first(where: { $0.value == key }) { return alias.key }
        return key.split(separator: ".").last.map(String.init) ?? key
    }

    private static func flatten(_ value: Any, prefix: String, into properties: inout [String: String]) {
        if let dictionary = value as? [String: Any] {
            for (key, inner) in dictionary {
                flatten(inner, prefix: prefix.isEmpty ? key : prefix + "." + key, into: &properties)
            }
        } else {
            properties[prefix] = text(of: value)
        }
    }

    /// A JSON value as text: numbers as Swift prints doubles (integers without a fraction), `true`/`false`,
    /// strings as they are, arrays and null as compact JSON.
    private static func text(of value: Any) -> String {
        if let string = value as? String { return string }
        if let number = value as? NSNumber {
            // JSON's true and false arrive as NSNumbers of C type char.
            if String(cString: number.objCType) == "c" { return number.boolValue ? "true" : "false" }
            let double = number.doubleValue
            return double == double.rounded() && abs(double) < 1e15 ? String(Int64(double)) : String(double)
        }
        if value is NSNull { return "null" }
        let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "\(value)"
    }

    private static func describe(_ error: any Error) -> String {
        (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? error.localizedDescription
    }
}
