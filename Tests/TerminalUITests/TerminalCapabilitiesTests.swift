import Testing
import TerminalUI

@Suite("Colour mode and charset chosen from the environment")
struct TerminalCapabilitiesTests {
    @Test("the terminal's colour count picks 256, 8 or no colours")
    func colourCount() {
        #expect(ColorMode.select(environment: [:], mono: false, terminalColors: 256) == .indexed256)
        #expect(ColorMode.select(environment: [:], mono: false, terminalColors: 16_777_216) == .indexed256)
        #expect(ColorMode.select(environment: [:], mono: false, terminalColors: 16) == .eight)
        #expect(ColorMode.select(environment: [:], mono: false, terminalColors: 8) == .eight)
        #expect(ColorMode.select(environment: [:], mono: false, terminalColors: 2) == .none)
        #expect(ColorMode.select(environment: [:], mono: false, terminalColors: 0) == .none)
    }

    @Test("NO_COLOR set and non-empty, or --mono, turns colour off; an empty NO_COLOR does not")
    func noColour() {
        #expect(ColorMode.select(environment: ["NO_COLOR": "1"], mono: false, terminalColors: 256) == .none)
        #expect(ColorMode.select(environment: ["NO_COLOR": ""], mono: false, terminalColors: 256) == .indexed256)
        #expect(ColorMode.select(environment: [:], mono: true, terminalColors: 256) == .none)
    }

    @Test("a UTF-8 locale in any spelling selects Unicode drawing")
    func utf8Locale() {
        #expect(Charset.select(environment: ["LANG": "en_US.UTF-8"], forceASCII: false) == .unicode)
        #expect(Charset.select(environment: ["LC_CTYPE": "C.utf8"], forceASCII: false) == .unicode)
        #expect(Charset.select(environment: ["LC_ALL": "de_DE.utf-8"], forceASCII: false) == .unicode)
    }

    @Test("no locale, the C locale or a non-UTF-8 one selects ASCII")
    func asciiLocale() {
        #expect(Charset.select(environment: [:], forceASCII: false) == .ascii)
        #expect(Charset.select(environment: ["LANG": "C"], forceASCII: false) == .ascii)
        #expect(Charset.select(environment: ["LANG": "en_US.ISO-8859-1"], forceASCII: false) == .ascii)
    }

    @Test("LC_ALL overrides LC_CTYPE, which overrides LANG; empty ones are skipped")
    func precedence() {
        #expect(Charset.select(environment: ["LC_ALL": "C", "LANG": "en_US.UTF-8"], forceASCII: false) == .ascii)
        #expect(Charset.select(environment: ["LC_CTYPE": "POSIX", "LANG": "en_US.UTF-8"], forceASCII: false) == .ascii)
        #expect(Charset.select(environment: ["LC_ALL": "", "LC_CTYPE": "C.UTF-8", "LANG": "C"], forceASCII: false)
            == .unicode)
    }

    @Test("--ascii wins over a UTF-8 locale")
    func forcedASCII() {
        #expect(Charset.select(environment: ["LANG": "en_US.UTF-8"], forceASCII: true) == .ascii)
    }
}
