import Dashboard
import Testing

@Suite struct SnapshotTests {
    static let sizes = [
        TerminalSize(cols: 80, rows: 24), TerminalSize(cols: 120, rows: 40), TerminalSize(cols: 200, rows: 60),
        TerminalSize(cols: 30, rows: 10),
    ]

    private static func name(_ prefix: String, _ size: TerminalSize, _ theme: Theme) -> String {
        "\(prefix)-\(size.cols)x\(size.rows)-\(theme.glyphTier)"
    }

    @Test(arguments: sizes)
    func galleryInBraille(size: TerminalSize) {
        let theme = Theme(colors: .palette256, glyphs: .braille)
        assertSnapshot(WidgetGallery.render(size, theme: theme), named: Self.name("gallery", size, theme))
    }

    @Test(arguments: [TerminalSize(cols: 80, rows: 24), TerminalSize(cols: 120, rows: 40)])
    func galleryInBlocksAndAscii(size: TerminalSize) {
        for theme in [Theme(colors: .ansi16, glyphs: .blocks), Theme(colors: .monochrome, glyphs: .ascii)] {
            assertSnapshot(WidgetGallery.render(size, theme: theme), named: Self.name("gallery", size, theme))
        }
    }

    @Test(arguments: sizes)
    func helpOverlay(size: TerminalSize) {
        let theme = Theme(colors: .palette256, glyphs: .braille)
        assertSnapshot(WidgetGallery.render(size, theme: theme, help: true), named: Self.name("help", size, theme))
    }

    @Test func helpOverlayInAscii() {
        let theme = Theme(colors: .monochrome, glyphs: .ascii)
        let size = TerminalSize(cols: 80, rows: 24)
        assertSnapshot(WidgetGallery.render(size, theme: theme, help: true), named: Self.name("help", size, theme))
    }

    @Test(arguments: sizes + [TerminalSize(cols: 12, rows: 3)])
    func tooSmall(size: TerminalSize) {
        let need = TerminalSize(cols: 240, rows: 70)
        for theme in [Theme(colors: .palette256, glyphs: .braille), Theme(colors: .monochrome, glyphs: .ascii)] {
            assertSnapshot(
                TooSmallScreen.render(have: size, need: need, theme: theme), named: Self.name("too-small", size, theme))
        }
    }

    @Test func tooSmallMarksTheShortSize() {
        let theme = Theme(colors: .palette256, glyphs: .braille)
        let grid = TooSmallScreen.render(
            have: TerminalSize(cols: 30, rows: 10), need: TerminalSize(cols: 80, rows: 24), theme: theme)
        #expect(grid.text.contains("have 30×10"))
        #expect(grid.text.contains("need 80×24"))
        let row = (0..<10).first { grid.row($0).contains("have") } ?? -1
        let column = Array(grid.row(row)).firstIndex(of: "h") ?? -1
        #expect(grid[column, row].style == theme.style(.error))
    }
}
