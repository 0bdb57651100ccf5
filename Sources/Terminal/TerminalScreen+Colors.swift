import CNcursesw
import Dashboard

/// ncurses attributes and colour pairs for cell styles, allocated lazily per (fg, bg).
struct ColorPairs {
    private var pairs: [Int32: Int16] = [:]
    private var nextPair: Int16 = 1
    private let pairLimit: Int
    private let colorCount: Int
    private var lastStyle: CellStyle?
    private var lastResult: (attr_t, Int16) = (0, 0)

    /// Pairs for a terminal with `colorCount` colours and `pairLimit` pairs (pair 0 is fixed).
    init(colorCount: Int = 0, pairLimit: Int = 0) {
        self.colorCount = colorCount
        self.pairLimit = min(pairLimit, Int(Int16.max))
    }

    /// The attributes and colour pair that draw `style`; colours are dropped in monochrome.
    ///
    /// When the terminal runs out of pairs, further colour combinations use the default pair.
    mutating func attributes(for style: CellStyle, tier: ColorTier) -> (attr_t, Int16) {
        if style == lastStyle { return lastResult }
        var attributes = SS_A_NORMAL
        if style.bold { attributes |= SS_A_BOLD }
        if style.dim { attributes |= SS_A_DIM }
        if style.reverse { attributes |= SS_A_REVERSE }
        if style.underline { attributes |= SS_A_UNDERLINE }
        var pair: Int16 = 0
        if tier != .monochrome, colorCount > 0 {
            pair = self.pair(foreground: number(style.foreground), background: number(style.background))
        }
        lastStyle = style
        lastResult = (attributes, pair)
        return lastResult
    }

    private mutating func pair(foreground: Int16, background: Int16) -> Int16 {
        guard foreground >= 0 || background >= 0 else { return 0 }
        let key = Int32(foreground + 1) << 16 | Int32(background + 1)
        if let pair = pairs[key] { return pair }
        guard Int(nextPair) < pairLimit else { return 0 }
        let pair = nextPair
        init_pair(pair, foreground, background)
        pairs[key] = pair
        nextPair += 1
        return pair
    }

    /// The ncurses colour number of `color` on this terminal (-1 is the terminal's default).
    private func number(_ color: CellColor) -> Int16 {
        switch color {
        case .terminalDefault: -1
        case .ansi(let index): Int16(colorCount >= 16 ? index & 15 : index & 7)
        case .palette(let index):
            colorCount >= 256 ? Int16(index) : Int16(Self.nearestANSI(index) & (colorCount >= 16 ? 15 : 7))
        }
    }

    /// The ANSI colour closest in spirit to xterm palette colour `index`.
    static func nearestANSI(_ index: UInt8) -> UInt8 {
        switch index {
        case 0..<16: return index
        case 16..<232:
            let cube = Int(index) - 16
            let levels = [cube / 36, cube / 6 % 6, cube % 6]
            let brightest = levels.max() ?? 0
            guard brightest > 0 else { return 0 }
            let bits = levels.enumerated().reduce(0) { $0 | ($1.element * 2 >= brightest + 1 ? 1 << $1.offset : 0) }
            return UInt8(bits | (brightest >= 4 ? 8 : 0))
        default:
            let grey = Int(index) - 232
            return grey < 6 ? 0 : grey < 14 ? 8 : grey < 20 ? 7 : 15
        }
    }
}
