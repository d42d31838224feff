import Testing
import TerminalUI

@Suite("Wrapped text")
struct TextBlockTests {
    @Test("words wrap greedily at spaces; a word longer than the line is cut across lines")
    func wrap() {
        #expect(TextBlock.wrap("the agent follows that policy", width: 12) == ["the agent", "follows that", "policy"])
        #expect(TextBlock.wrap("value-iteration", width: 6) == ["value-", "iterat", "ion"])
        #expect(TextBlock.wrap("a  b", width: 3) == ["a b"])
        #expect(TextBlock.wrap("anything", width: 0) == [])
        #expect(TextBlock.wrap("", width: 5) == [])
    }

    @Test("paragraphs follow one another and lines beyond the area are not drawn")
    func render() {
        let block = TextBlock(["one two three", "four"])
        #expect(Rendering.lines(block, width: 8, height: 4, theme: Rendering.asciiMono)
            == ["one two ", "three   ", "four    ", "        "])
        #expect(Rendering.lines(block, width: 8, height: 2, theme: Rendering.asciiMono) == ["one two ", "three   "])
    }
}
