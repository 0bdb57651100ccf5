import Dashboard
import Testing

@Suite struct TextLayoutTests {
    @Test func wrapBreaksAtSpacesAndKeepsParagraphs() {
        #expect(TextLayout.wrap("the quick brown fox\njumps", width: 10) == ["the quick", "brown fox", "jumps"])
    }

    @Test func wrapSplitsWordsLongerThanTheWidth() {
        #expect(TextLayout.wrap("a partition-reassignment b", width: 8) == ["a", "partitio", "n-reassi", "gnment b"])
    }

    @Test func wrapToNothingWhenThereIsNoWidth() {
        #expect(TextLayout.wrap("text", width: 0).isEmpty)
    }

    @Test func clipReplacesTheLastCharacterWithTheEllipsis() {
        #expect(TextLayout.clip("consumer-group", width: 8, ellipsis: "…") == "consume…")
        #expect(TextLayout.clip("lag", width: 3, ellipsis: "~") == "lag")
        #expect(TextLayout.clip("lag", width: 0, ellipsis: "~") == "")
    }

    @Test func drawWrappedMarksTextThatDoesNotFit() {
        var grid = Grid(size: TerminalSize(cols: 12, rows: 2))
        let rows = grid.drawWrapped(
            "one two three four five", in: Rect(x: 1, y: 0, width: 10, height: 2),
            theme: Theme(colors: .monochrome, glyphs: .blocks))
        #expect(rows == 2)
        #expect(grid.text == " one two\n three fou…")
    }

    @Test func alignedPutClipsWithTheEllipsis() {
        var grid = Grid(size: TerminalSize(cols: 8, rows: 3))
        grid.put("right", in: Rect(x: 0, y: 0, width: 8, height: 1), alignment: .right, ellipsis: "…")
        grid.put("mid", in: Rect(x: 0, y: 1, width: 8, height: 1), alignment: .center, ellipsis: "…")
        grid.put("much too long", in: Rect(x: 0, y: 2, width: 8, height: 1), ellipsis: "~")
        #expect(grid.text == "   right\n  mid\nmuch to~")
    }
}
