import RLCore
import Testing
@testable import Environments

@Suite("Map file parser")
struct GridMapParserTests {
    /// The error parsing `text` throws, or nil when it parses.
    func failure(_ text: String, source: String = "test.txt") -> MapError? {
        do {
            _ = try GridMap.parse(text, source: source)
            return nil
        } catch {
            return error
        }
    }

    func failure(bytes: [UInt8]) -> MapError? {
        do {
            _ = try GridMap.parse(bytes, source: "test.txt")
            return nil
        } catch {
            return error
        }
    }

    /// Expects `error` at `line`:`column` with `problem`.
    func expect(
        _ error: MapError?, at line: Int, _ column: Int, _ problem: MapError.Problem,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(error?.line == line, sourceLocation: sourceLocation)
        #expect(error?.column == column, sourceLocation: sourceLocation)
        #expect(error?.problem == problem, sourceLocation: sourceLocation)
    }

    @Test("a file of plain FrozenLake letters is a map with the default settings")
    func plainLetters() throws {
        let map = try GridMap.parse("\n\nSFFF\nFHFH\nFFFH\nHFFG\n\n", source: "envs/lake.txt")
        #expect(map.rows == 4 && map.cols == 4 && map.start == 0)
        #expect(map.settings == GridSettings())
        #expect(map.cell(row: 1, col: 1) == .hole && map.cell(row: 3, col: 3) == .goal)
        #expect(map.name == "lake")
    }

    @Test("settings, comments and blank lines above 'map:' are read; CRLF, a BOM and trailing spaces are fine")
    func settingsSection() throws {
        let text = "\u{FEFF}# a comment\r\n  # an indented comment\r\nname: Tiny lake \r\n\r\nslippery: TRUE\r\n"
            + "success_rate: 1/3\r\nstep_reward: −0.5\r\ngoal_reward: 2.5e1\r\nhole_reward: -1\r\ncliff_reward: -50\r\n"
            + "max_steps: none\r\nmap:  \r\nS.#C  \r\nH..G\r\n\r\n"
        let map = try GridMap.parse(text, source: "x.txt")
        #expect(map.name == "Tiny lake")
        #expect(map.settings.slippery && map.settings.successRate == 1.0 / 3.0)
        #expect(map.settings.stepReward == -0.5 && map.settings.goalReward == 25 && map.settings.holeReward == -1)
        #expect(map.settings.cliffReward == -50 && map.settings.maxSteps == nil)
        #expect(map.cells == [.start, .empty, .wall, .cliff, .hole, .empty, .empty, .goal])
    }

    @Test("the description reads file:line:col: reason")
    func descriptionFormat() {
        let rows = ["###########", "#S........#", "#.........#", "#.........#", "#........X#", "#........G#"]
        let error = failure("name: Maze\nmap:\n" + rows.joined(separator: "\n"), source: "envs/maze.txt")
        #expect(error?.description
            == "envs/maze.txt:7:10: unknown cell character 'X' (expected one of S G F . H # C)")
    }

    @Test("an empty file, a blank file and a 'map:' line with nothing below are errors")
    func emptyMaps() {
        expect(failure(""), at: 1, 1, .emptyMap)
        expect(failure("\n  \n\t\n"), at: 1, 1, .emptyMap)
        expect(failure("name: x\n\nmap:\n\n"), at: 3, 1, .noGridBelowMapLine)
    }

    @Test("a map without a start, with two starts or without a goal is rejected at the right place")
    func startAndGoal() {
        expect(failure("name: x\nmap:\nFFG\nFFF"), at: 3, 1, .noStart)
        expect(failure("SFG\nFFS"), at: 2, 3, .secondStart(firstLine: 1, firstColumn: 1))
        expect(failure("\nSF\nFF"), at: 2, 1, .noGoal)
    }

    @Test("a short or long row points at the first missing or extra cell; a blank line inside the grid is an error")
    func raggedRows() {
        expect(failure("SFFF\nFHF\nFFFG"), at: 2, 4, .raggedRow(found: 3, expected: 4))
        expect(failure("SFF\nFFFFF\nFFG"), at: 2, 4, .raggedRow(found: 5, expected: 3))
        expect(failure("SF\n\nFG"), at: 2, 1, .blankRowInGrid)
    }

    @Test("an unknown cell character is reported with its column, and a hint when comments lack 'map:'")
    func unknownCells() {
        expect(failure("SFG\nFxF"), at: 2, 2, .unknownCell("x", hint: ""))
        expect(failure("SF G"), at: 1, 3, .unknownCell(" ", hint: ""))
        let hint = "; comments and settings need a line 'map:' between them and the grid"
        expect(failure("# my map\nSG"), at: 1, 2, .unknownCell(" ", hint: hint))
        expect(failure("SG\nF😀"), at: 2, 2, .unknownCell("😀", hint: ""))
    }

    @Test("unknown, duplicate and malformed settings point at the key; bad values point at the value")
    func badSettings() {
        expect(failure("  colour: red\nmap:\nSG"), at: 1, 3, .unknownSetting("colour"))
        expect(failure("max_steps: 5\n max_steps: 6\nmap:\nSG"), at: 2, 2, .duplicateSetting("max_steps", firstLine: 1))
        expect(failure("hello\nmap:\nSG"), at: 1, 1, .notASetting)
        expect(failure(": 3\nmap:\nSG"), at: 1, 1, .notASetting)
        expect(failure("slippery: true\nSG"), at: 1, 1, .settingWithoutMapLine)
        expect(
            failure("slippery:   maybe\nmap:\nSG"), at: 1, 13,
            .badValue(key: "slippery", value: "maybe", expected: "true or false"))
        expect(failure("name:\nmap:\nSG"), at: 1, 6, .badValue(key: "name", value: "", expected: "a name after the colon"))
        for value in ["inf", "nan", "0x10", "1e999", "1/0", "--1", "1..2", "", "1 2", "ten"] {
            #expect(failure("step_reward: \(value)\nmap:\nSG")?.column == 14, "step_reward: \(value)")
        }
        for value in ["0", "-5", "1.5", "1e3", "10000001", "never"] {
            #expect(failure("max_steps: \(value)\nmap:\nSG")?.column == 12, "max_steps: \(value)")
        }
        for value in ["2", "-0.1", "4/3"] {
            #expect(failure("success_rate: \(value)\nmap:\nSG")?.column == 15, "success_rate: \(value)")
        }
        #expect(failure("slippery: true # ice\nmap:\nSG")?.description.contains("comments go on a line of their own") == true)
    }

    @Test("maps over 256 rows or 256 columns, and files over 1 MiB, are refused with a message")
    func sizeLimits() {
        let tall = "SG\n" + Array(repeating: "FF", count: 256).joined(separator: "\n")
        expect(failure(tall), at: 257, 1, .tooManyRows(limit: 256))
        let wide = "S" + String(repeating: "F", count: 256) + "G"
        expect(failure("name: w\nmap:\n" + wide), at: 3, 257, .tooManyColumns(limit: 256))
        let largest = (["S" + String(repeating: "F", count: 255)]
            + Array(repeating: String(repeating: "F", count: 256), count: 254)
            + [String(repeating: "F", count: 255) + "G"]).joined(separator: "\n")
        #expect(failure(largest) == nil)
        let huge = [UInt8](repeating: UInt8(ascii: "F"), count: GridMap.maxBytes + 1)
        expect(failure(bytes: huge), at: 1, 1, .fileTooLarge(bytes: GridMap.maxBytes + 1, limit: GridMap.maxBytes))
    }

    @Test("invalid UTF-8 and binary garbage are reported where they start")
    func binaryInput() {
        expect(failure(bytes: Array("SG\nF".utf8) + [0xFF]), at: 2, 2, .invalidUTF8)
        expect(failure(bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]), at: 1, 1, .invalidUTF8)
        expect(failure(bytes: Array("SG\n".utf8) + [0, 0x46]), at: 2, 1, .controlCharacter(0))
        expect(failure("S\u{7F}G"), at: 1, 2, .controlCharacter(0x7F))
        expect(failure(bytes: Array("é\nS".utf8) + [0xC3]), at: 2, 2, .invalidUTF8)
        expect(failure(bytes: Array("SG\r\nF\rFF".utf8) + [0xFF]), at: 3, 3, .invalidUTF8)
        expect(failure(bytes: [0xEF, 0xBB, 0xBF] + Array("S".utf8) + [0xFF]), at: 1, 2, .invalidUTF8)
    }

    @Test("only \\n, \\r\\n and \\r end lines; the other Unicode line breaks are refused where an editor shows them")
    func lineBreaks() {
        expect(failure("SF\r\nFF\rF\nG"), at: 3, 2, .raggedRow(found: 1, expected: 2))
        expect(failure("SFFF\nFHFH\u{0C}\nFFFH\nHFFG"), at: 2, 5, .controlCharacter(0x0C))
        expect(failure("SG\u{0B}FF"), at: 1, 3, .controlCharacter(0x0B))
        expect(failure("SG\nF\u{85}F"), at: 2, 2, .controlCharacter(0x85))
        expect(failure("SG\u{2028}FF"), at: 1, 3, .controlCharacter(0x2028))
        expect(failure("name: a\u{2029}b\nmap:\nSG"), at: 1, 8, .controlCharacter(0x2029))
        expect(failure(bytes: Array("SG\u{0C}\n".utf8) + [0xFF]), at: 2, 1, .invalidUTF8)
    }

    @Test("UTF-16 text is recognised by its byte-order mark and refused with what to do")
    func utf16() {
        for bom: [UInt8] in [[0xFF, 0xFE], [0xFE, 0xFF]] {
            let error = failure(bytes: bom + [0x53, 0, 0x47, 0])
            expect(error, at: 1, 1, .utf16)
            #expect(error?.description == "test.txt:1:1: the file is UTF-16 text; save the map as UTF-8")
        }
    }

    @Test("an invisible unknown character is shown by its code points, a visible one in quotes")
    func invisibleCharacters() {
        let expected = "(expected one of S G F . H # C)"
        #expect(failure("S\tG")?.description == "test.txt:1:2: unknown cell character U+0009 \(expected)")
        #expect(failure("S\u{200B}G")?.description == "test.txt:1:2: unknown cell character U+200B \(expected)")
        #expect(failure("S\u{A0}G")?.description == "test.txt:1:2: unknown cell character U+00A0 \(expected)")
        #expect(failure("SG\n\u{301}F")?.description == "test.txt:2:1: unknown cell character U+0301 \(expected)")
        #expect(failure("SG\nxF")?.description == "test.txt:2:1: unknown cell character 'x' \(expected)")
        #expect(failure("SG\nS\u{301}")?.description == "test.txt:2:1: unknown cell character 'Ś' \(expected)")
    }

    @Test("the parser never traps on random input")
    func randomInput() {
        var generator = Xoshiro256StarStar(seed: 2026)
        let alphabet = Array("SGF.H#C: \n\r\tmap:slipery_0123456789-/#é".utf8) + [0, 0xFF, 0xC3, 0x80]
        var parsed = 0
        for _ in 0..<3000 {
            let length = generator.uniformInt(below: 40)
            let bytes = (0..<length).map { _ in alphabet[generator.uniformInt(below: alphabet.count)] }
            if (try? GridMap.parse(bytes, source: "fuzz")) != nil { parsed += 1 }
        }
        #expect(parsed < 3000)
    }
}
