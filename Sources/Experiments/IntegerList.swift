/// A list of whole numbers as written on a command line, e.g. `--states 2,4,8-12`: items separated by commas,
/// each a number `N` or an inclusive range `A-B`, every number inside an allowed range, none twice. The
/// order is kept, so a table follows the list as the user wrote it.
public enum IntegerList {
    /// The numbers `text` lists, ranges expanded, or the first item that is wrong and where it starts.
    public static func parse(_ text: String, allowed: ClosedRange<Int>) throws(IntegerListError) -> [Int] {
        var numbers: [Int] = []
        var column = 1
        for item in text.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
            func failure(_ problem: IntegerListError.Problem) -> IntegerListError {
                IntegerListError(column: column, item: item, problem: problem)
            }
            let trimmed = item.trimmingSpaces
            guard !trimmed.isEmpty else { throw failure(.empty) }
            let bounds = trimmed.split(separator: "-", omittingEmptySubsequences: false)
            guard bounds.count <= 2, let low = Int(bounds[0].trimmingSpaces),
                  let high = bounds.count == 2 ? Int(bounds[1].trimmingSpaces) : low else {
                throw failure(.notANumber)
            }
            guard low <= high else { throw failure(.descendingRange) }
            for number in [low, high] where !allowed.contains(number) {
                throw failure(.outOfRange(number, allowed: allowed))
            }
            for number in low...high {
                guard !numbers.contains(number) else { throw failure(.repeated(number)) }
                numbers.append(number)
            }
            column += item.count + 1
        }
        return numbers
    }
}

private extension StringProtocol {
    /// The text without leading and trailing spaces (what a shell passes after `--states "2, 4"`).
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
