/// The colours behind the semantic roles, for one colour tier.
///
/// The 256-colour palette is Okabe–Ito (safe for the common colour-vision deficiencies) mapped to
/// the nearest xterm colours; the 16-colour one is its closest ANSI approximation.
struct Palette: Hashable, Sendable {
    let ok: CellColor
    let warn: CellColor
    let error: CellColor
    let muted: CellColor
    let accent: CellColor
    let onBanner: CellColor
    let headerBackground: CellColor
    let pausedBackground: CellColor
    let topics: [CellColor]

    /// The colour of topic `index`, cycling through the topic colours.
    func topic(_ index: Int) -> CellColor {
        let count = topics.count
        return topics[((index % count) + count) % count]
    }

    /// Okabe–Ito: bluish green 35, orange 178, vermillion 166, sky blue 74, yellow 221,
    /// reddish purple 175, blue 32 (lightened from 25 to read on dark backgrounds), grey 245.
    static let okabeIto256 = Palette(
        ok: .palette(35), warn: .palette(178), error: .palette(166), muted: .palette(245),
        accent: .palette(74), onBanner: .palette(16), headerBackground: .palette(74),
        pausedBackground: .palette(221),
        topics: [.palette(74), .palette(178), .palette(175), .palette(221), .palette(32), .palette(35), .palette(166)]
    )

    /// ANSI approximation: cyan for ok (not green, so it never pairs with red), yellow, red.
    static let ansi16 = Palette(
        ok: .ansi(6), warn: .ansi(11), error: .ansi(9), muted: .ansi(8),
        accent: .ansi(14), onBanner: .ansi(0), headerBackground: .ansi(6),
        pausedBackground: .ansi(11),
        topics: [.ansi(14), .ansi(11), .ansi(13), .ansi(12), .ansi(10), .ansi(9), .ansi(15)]
    )
}
