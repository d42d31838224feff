import Agents
import Environments

/// Reads one algorithm's preset file (`envs/presets/ALGORITHM.txt`, format in envs/README.md): sections headed
/// `environment:` at the start of a line, each followed by indented `key: value` lines with the keys of
/// `rlterm algos`, `time-limit`, `steps` and `psi`; `#` starts a comment line. Every key is checked against the algorithm and
/// `HyperparameterSpec`, so a preset that loads is one the algorithm accepts.
public enum PresetFile {
    /// The key that sets a map's time limit.
    public static let timeLimitKey = "time-limit"
    /// The key that sets the pair's step budget.
    public static let stepsKey = "steps"
    /// The key that sets the policy-gradient weight Ψ.
    public static let psiKey = "psi"
    /// The largest budget a preset may give, as `--steps` takes.
    public static let stepsLimit = 1_000_000_000

    /// The presets of `algorithm` in `text`, in file order, or the first mistake with its place in `source`.
    public static func parse(_ text: String, source: String, algorithm: Algorithm) throws(PresetError) -> [Preset] {
        var presets: [Preset] = []
        var sectionLines: [String: Int] = [:]
        var current: (name: String, values: [HyperparameterKey: Double], timeLimit: Int?, steps: Int?, psi: Psi?,
                      keyLines: [String: Int])?
        func finish() {
            guard let section = current else { return }
            presets.append(Preset(algorithm: algorithm, environment: section.name, values: section.values,
                                  timeLimit: section.timeLimit, steps: section.steps, psi: section.psi))
        }
        for (index, rawLine) in lines(of: text).enumerated() {
            let number = index + 1
            func fail(_ column: Int, _ problem: PresetError.Problem) -> PresetError {
                PresetError(source: source, line: number, column: column, problem: problem)
            }
            let line = Array(rawLine)
            guard let first = line.firstIndex(where: { $0 != " " && $0 != "\t" }), line[first] != "#" else { continue }
            let last = line.lastIndex(where: { $0 != " " && $0 != "\t" })!
            guard let colon = line[first...last].firstIndex(of: ":") else { throw fail(first + 1, .notAnEntry) }
            let key = String(line[first..<colon]).trimmingBlanks
            let valueStart = line[(colon + 1)...].firstIndex(where: { $0 != " " && $0 != "\t" }) ?? last + 1
            let value = valueStart <= last ? String(line[valueStart...last]) : ""
            if first == 0 {
                guard value.isEmpty, !key.isEmpty else { throw fail(1, .notAnEntry) }
                if let firstLine = sectionLines[key] { throw fail(1, .duplicateSection(key, firstLine: firstLine)) }
                finish()
                sectionLines[key] = number
                current = (key, [:], nil, nil, nil, [:])
                continue
            }
            guard var section = current else { throw fail(first + 1, .entryOutsideSection) }
            guard !key.isEmpty, !value.isEmpty else { throw fail(first + 1, .notAnEntry) }
            if let firstLine = section.keyLines[key] { throw fail(first + 1, .duplicateKey(key, firstLine: firstLine)) }
            section.keyLines[key] = number
            func wholeNumber(atMost limit: Int) throws(PresetError) -> Int {
                guard value.allSatisfy({ $0.isASCII && $0.isWholeNumber }), let number = Int(value), number >= 1,
                    number <= limit
                else {
                    let expected = "a whole number in [1, \(limit)]"
                    throw fail(valueStart + 1, .badValue(key: key, value: value, expected: expected))
                }
                return number
            }
            if key == timeLimitKey {
                guard !EnvironmentRegistry.fixedNames.contains(section.name) else {
                    throw fail(first + 1, .timeLimitNotAMap(section.name))
                }
                section.timeLimit = try wholeNumber(atMost: GridSettings.maxStepsLimit)
            } else if key == stepsKey {
                section.steps = try wholeNumber(atMost: stepsLimit)
            } else if key == psiKey {
                guard !algorithm.psiChoices.isEmpty else {
                    throw fail(first + 1, .psiWithoutPolicyGradient(algorithm: algorithm.name))
                }
                guard let psi = Psi(rawValue: value), algorithm.psiChoices.contains(psi) else {
                    let expected = "one of " + Psi.list(algorithm.psiChoices)
                    throw fail(valueStart + 1, .badValue(key: key, value: value, expected: expected))
                }
                section.psi = psi
            } else {
                guard let hyperparameter = HyperparameterKey(rawValue: key) else {
                    let known = HyperparameterKey.allCases.map(\.rawValue) + [timeLimitKey, stepsKey, psiKey]
                    throw fail(first + 1, .unknownKey(key, known: known))
                }
                guard algorithm.defaults[hyperparameter] != nil else {
                    throw fail(first + 1, .notUsed(key: key, algorithm: algorithm.name))
                }
                let spec = HyperparameterSpec.spec(for: hyperparameter)
                guard let number = Double(value), spec.accepts(number) else {
                    throw fail(valueStart + 1, .badValue(key: key, value: value, expected: spec.rangeDescription))
                }
                section.values[hyperparameter] = number
            }
            current = section
        }
        finish()
        return presets
    }

    /// The lines of `text`, split at `\n`, `\r\n` or `\r`, so line numbers match an editor's.
    static func lines(of text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
    }
}

extension String {
    fileprivate var trimmingBlanks: String {
        String(drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }
}
