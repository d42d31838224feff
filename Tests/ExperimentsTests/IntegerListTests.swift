import Testing
@testable import Experiments

@Suite("Command-line integer lists")
struct IntegerListTests {
    @Test("numbers and inclusive ranges expand in the order written, spaces around items ignored")
    func expands() throws {
        #expect(try IntegerList.parse("2,4,8-11, 16", allowed: 2...20) == [2, 4, 8, 9, 10, 11, 16])
        #expect(try IntegerList.parse("12-12", allowed: 2...20) == [12])
        #expect(try IntegerList.parse("9,3", allowed: 2...20) == [9, 3])
    }

    @Test("each kind of bad item is reported with the column where the item starts")
    func rejects() {
        let cases: [(String, IntegerListError)] = [
            ("", IntegerListError(column: 1, item: "", problem: .empty)),
            ("2,,4", IntegerListError(column: 3, item: "", problem: .empty)),
            ("2,4,", IntegerListError(column: 5, item: "", problem: .empty)),
            ("2,x", IntegerListError(column: 3, item: "x", problem: .notANumber)),
            ("2,-3", IntegerListError(column: 3, item: "-3", problem: .notANumber)),
            ("2-4-6", IntegerListError(column: 1, item: "2-4-6", problem: .notANumber)),
            ("2.5", IntegerListError(column: 1, item: "2.5", problem: .notANumber)),
            ("10,8-4", IntegerListError(column: 4, item: "8-4", problem: .descendingRange)),
            ("4, 21", IntegerListError(column: 3, item: " 21", problem: .outOfRange(21, allowed: 2...20))),
            ("1-5", IntegerListError(column: 1, item: "1-5", problem: .outOfRange(1, allowed: 2...20))),
            ("6,4-7", IntegerListError(column: 3, item: "4-7", problem: .repeated(6))),
        ]
        for (text, expected) in cases {
            #expect(throws: expected, "\(text)") { try IntegerList.parse(text, allowed: 2...20) }
        }
    }

    @Test("the message names the column, the item as written and what is wrong")
    func message() {
        let error = IntegerListError(column: 4, item: "x", problem: .notANumber)
        #expect(error.description == "column 4: 'x' is not a whole number or a range A-B")
        #expect(IntegerListError.Problem.outOfRange(30, allowed: 2...20).description == "has 30, outside 2…20")
    }
}
