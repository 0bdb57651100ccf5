/// What a piece of the screen means; the theme turns it into a style for the current tiers.
public enum StyleRole: Hashable, Sendable, CaseIterable {
    /// Ordinary text.
    case text
    /// Healthy, caught up, flowing.
    case ok
    /// Lagging, slow, needs attention.
    case warn
    /// Failed, stopped, broken.
    case error
    /// Secondary information: axes, hints, old feed lines.
    case muted
    /// What the audience should look at: current values, highlights.
    case accent
    /// The title bar across the top.
    case header
    /// Panel frames.
    case border
    /// The frame and title of the panel that has the keyboard focus.
    case focusedBorder
    /// Panel titles.
    case title
    /// The loud PAUSED banner.
    case paused
    /// The recording indicator.
    case recording
}

/// The look of the dashboard for one colour tier and one glyph tier.
///
/// Pure value: the caller picks the tiers (flags, `NO_COLOR`, terminal capabilities) and passes the
/// theme to every render call, so each tier can be snapshot-tested.
///
///     let theme = Theme(colors: .palette256, glyphs: .braille)
///     grid.put("OK", x: 0, y: 0, style: theme.style(.ok))
public struct Theme: Hashable, Sendable {
    /// The colour tier styles are made for.
    public let colorTier: ColorTier
    /// The glyph tier drawings use.
    public let glyphTier: GlyphTier
    /// The glyphs for `glyphTier`.
    public let glyphs: GlyphSet

    public init(colors: ColorTier, glyphs: GlyphTier) {
        self.colorTier = colors
        self.glyphTier = glyphs
        self.glyphs = GlyphSet(tier: glyphs)
    }

    /// The style for `role` in this colour tier.
    ///
    /// In monochrome every role still differs from plain text where it matters: warn is bold,
    /// error bold and reversed, muted dim, the header and PAUSED reversed; the focused frame
    /// is bold and drawn with heavy lines.
    public func style(_ role: StyleRole) -> CellStyle {
        switch colorTier {
        case .monochrome: Self.monochromeStyle(role)
        case .ansi16: Self.coloredStyle(role, palette: .ansi16)
        case .palette256: Self.coloredStyle(role, palette: .okabeIto256)
        }
    }

    /// A stable style for the topic at `index` (the same index always gets the same colour).
    ///
    /// Monochrome leaves topics plain: the topic's name is what tells them apart.
    public func topicStyle(_ index: Int) -> CellStyle {
        switch colorTier {
        case .monochrome: .plain
        case .ansi16: CellStyle(foreground: Palette.ansi16.topic(index))
        case .palette256: CellStyle(foreground: Palette.okabeIto256.topic(index))
        }
    }

    private static func monochromeStyle(_ role: StyleRole) -> CellStyle {
        switch role {
        case .text, .ok, .border: .plain
        case .warn, .accent, .title, .recording, .focusedBorder: CellStyle(bold: true)
        case .error, .header, .paused: CellStyle(bold: true, reverse: true)
        case .muted: CellStyle(dim: true)
        }
    }

    private static func coloredStyle(_ role: StyleRole, palette: Palette) -> CellStyle {
        switch role {
        case .text: .plain
        case .ok: CellStyle(foreground: palette.ok)
        case .warn: CellStyle(foreground: palette.warn, bold: true)
        case .error: CellStyle(foreground: palette.error, bold: true)
        case .muted: CellStyle(foreground: palette.muted)
        case .accent: CellStyle(foreground: palette.accent, bold: true)
        case .header: CellStyle(foreground: palette.onBanner, background: palette.headerBackground, bold: true)
        case .border: CellStyle(foreground: palette.muted)
        case .focusedBorder: CellStyle(foreground: palette.accent, bold: true)
        case .title: CellStyle(bold: true)
        case .paused: CellStyle(foreground: palette.onBanner, background: palette.pausedBackground, bold: true)
        case .recording: CellStyle(foreground: palette.error, bold: true)
        }
    }
}

extension Theme {
    /// The separator between items on one line: ` · `, or ` - ` in ASCII.
    public var dot: String { glyphTier == .ascii ? " - " : " · " }
}
