import Dashboard
import Testing

@Suite struct SparklineTests {
    private func line(
        _ samples: [Double?], width: Int, height: Int = 1, glyphs: GlyphTier, maximum: Double? = nil
    ) -> String {
        var grid = Grid(size: TerminalSize(cols: width, rows: height))
        grid.drawSparkline(
            samples, in: Rect(x: 0, y: 0, width: width, height: height), maximum: maximum, style: .plain,
            theme: Theme(colors: .monochrome, glyphs: glyphs))
        return (0..<height).map { grid.row($0) }.joined(separator: "\n")
    }

    @Test func blocksDrawOneSamplePerCellWithGapsForAbsentSamples() {
        #expect(line([0, 1, 2, 4, nil, 8], width: 6, glyphs: .blocks) == "▁▁▂▄ █")
    }

    @Test func asciiUsesSevenLevels() {
        #expect(line([0, 1, 2, 3, 4, 5, 6, 7], width: 8, glyphs: .ascii, maximum: 7) == "..:-=+*#")
    }

    @Test func newestSampleIsAtTheRightAndOldOnesScrollOut() {
        #expect(line([8, 8, 8, 1, 8], width: 3, glyphs: .blocks) == "█▁█")
        #expect(line([8], width: 3, glyphs: .blocks) == "  █")
    }

    @Test func brailleDrawsTwoSamplesPerCellFilledFromTheBottom() {
        // Levels per half (a present zero still shows one dot): 4|1 → ⣇, 1|1 → ⣀, 2|4 → ⣼.
        #expect(line([4, 0, 1, 1, 2, 4], width: 3, glyphs: .braille, maximum: 4) == "⣇⣀⣼")
        #expect(line([nil, 3, nil, nil], width: 2, glyphs: .braille, maximum: 4) == "⢰ ")
    }

    @Test func brailleTableCoversAllTwentyFiveCombinations() {
        var seen = Set<String>()
        for left in 0...4 {
            for right in 0...4 {
                let samples: [Double?] = [left == 0 ? nil : Double(left), right == 0 ? nil : Double(right)]
                seen.insert(line(samples, width: 1, glyphs: .braille, maximum: 4))
            }
        }
        #expect(seen.count == 25)
        #expect(seen.contains(" "))
        #expect(seen.contains("⣿"))
    }

    @Test func tallerSparklinesStackRows() {
        #expect(line([16, 12, 4, 1], width: 4, height: 2, glyphs: .blocks, maximum: 16) == "█▄  \n██▄▁")
    }

    @Test func notANumberIsAGapAndValuesAreClampedToTheScale() {
        #expect(line([.nan, -5, 100], width: 3, glyphs: .blocks, maximum: 8) == " ▁█")
    }
}
