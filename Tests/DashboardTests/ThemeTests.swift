import Dashboard
import Testing

@Suite struct ThemeTests {
    @Test func monochromeCarriesMeaningWithAttributesOnly() {
        let theme = Theme(colors: .monochrome, glyphs: .ascii)
        for role in StyleRole.allCases {
            let style = theme.style(role)
            #expect(style.foreground == .terminalDefault && style.background == .terminalDefault, "\(role)")
        }
        #expect(theme.style(.warn).bold)
        #expect(theme.style(.error).bold && theme.style(.error).reverse)
        #expect(theme.style(.muted).dim)
        #expect(theme.style(.paused).reverse)
        #expect(theme.style(.header).reverse)
        #expect(theme.style(.error) != theme.style(.warn))
    }

    @Test(arguments: [ColorTier.ansi16, .palette256])
    func statusColoursAreDistinct(tier: ColorTier) {
        let theme = Theme(colors: tier, glyphs: .blocks)
        let colours = [StyleRole.ok, .warn, .error, .muted, .accent].map { theme.style($0).foreground }
        #expect(Set(colours).count == colours.count)
    }

    @Test func tiersUseOnlyTheirOwnColours() {
        let ansi = Theme(colors: .ansi16, glyphs: .blocks)
        let palette = Theme(colors: .palette256, glyphs: .blocks)
        for role in StyleRole.allCases {
            for color in [ansi.style(role).foreground, ansi.style(role).background] {
                if case .palette = color { Issue.record("16-colour theme uses a palette colour for \(role)") }
            }
            for color in [palette.style(role).foreground, palette.style(role).background] {
                if case .ansi = color { Issue.record("256-colour theme uses an ANSI colour for \(role)") }
            }
        }
    }

    @Test func topicColoursAreStableAndCycle() {
        let theme = Theme(colors: .palette256, glyphs: .braille)
        let first = (0..<7).map { theme.topicStyle($0) }
        #expect(Set(first).count == 7)
        #expect(theme.topicStyle(7) == theme.topicStyle(0))
        #expect(theme.topicStyle(-1) == theme.topicStyle(6))
        #expect(Theme(colors: .monochrome, glyphs: .ascii).topicStyle(3) == .plain)
    }

    @Test func okabeItoIn256Colours() {
        let theme = Theme(colors: .palette256, glyphs: .braille)
        #expect(theme.style(.ok).foreground == .palette(35))
        #expect(theme.style(.warn).foreground == .palette(178))
        #expect(theme.style(.error).foreground == .palette(166))
    }

    @Test func tiersAreOrderedForCapping() {
        #expect(min(GlyphTier.braille, .ascii) == .ascii)
        #expect(min(ColorTier.palette256, .ansi16) == .ansi16)
        #expect(Theme(colors: .ansi16, glyphs: .braille).glyphs.usesBraille)
        #expect(!Theme(colors: .ansi16, glyphs: .blocks).glyphs.usesBraille)
    }
}
