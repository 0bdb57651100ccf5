/// The characters one glyph tier draws with: frames, graph levels, bars, arrows, marks.
public struct GlyphSet: Hashable, Sendable {
    /// Frame corners and lines.
    public struct Frame: Hashable, Sendable {
        public let topLeft: Character
        public let topRight: Character
        public let bottomLeft: Character
        public let bottomRight: Character
        public let horizontal: Character
        public let vertical: Character
    }

    /// Plain frame `┌─┐│└┘` (ASCII `+-|`).
    public let frame: Frame
    /// Rounded frame `╭─╮│╰╯` (ASCII `+-|`).
    public let roundedFrame: Frame
    /// Frame of the focused panel: heavy `┏━┓┃┗┛` (ASCII `#=#|`), so focus shows without colour.
    public let focusedFrame: Frame
    /// Sparkline cell levels from empty to full, one sample per cell (blocks or ASCII).
    public let levels: [Character]
    /// Whether sparklines use braille, two samples per cell.
    public let usesBraille: Bool
    /// Partial bar cells from 1/8 to 7/8 (empty for ASCII, which rounds to whole cells).
    public let partialBar: [Character]
    /// A full bar cell.
    public let fullBar: Character
    /// The unfilled part of a bar.
    public let barTrack: Character
    /// Marks clipped text.
    public let ellipsis: Character
    /// Horizontal flow line.
    public let flowHorizontal: Character
    /// Vertical flow line.
    public let flowVertical: Character
    /// Arrow heads: right, left, down, up.
    public let arrowRight: Character, arrowLeft: Character, arrowDown: Character, arrowUp: Character
    /// The moving dot on a flow line.
    public let flowDot: Character
    /// The "by" in sizes such as 80×24.
    public let times: Character

    /// The glyphs of `tier`.
    public init(tier: GlyphTier) {
        switch tier {
        case .ascii:
            let plain = Frame(
                topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
                horizontal: "-", vertical: "|"
            )
            frame = plain
            roundedFrame = plain
            focusedFrame = Frame(
                topLeft: "#", topRight: "#", bottomLeft: "#", bottomRight: "#",
                horizontal: "=", vertical: "|"
            )
            levels = [" ", ".", ":", "-", "=", "+", "*", "#"]
            usesBraille = false
            partialBar = []
            fullBar = "#"
            barTrack = "."
            ellipsis = "~"
            flowHorizontal = "-"
            flowVertical = "|"
            arrowRight = ">"; arrowLeft = "<"; arrowDown = "v"; arrowUp = "^"
            flowDot = "o"
            times = "x"
        case .blocks, .braille:
            frame = Frame(
                topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
                horizontal: "─", vertical: "│"
            )
            roundedFrame = Frame(
                topLeft: "╭", topRight: "╮", bottomLeft: "╰", bottomRight: "╯",
                horizontal: "─", vertical: "│"
            )
            focusedFrame = Frame(
                topLeft: "┏", topRight: "┓", bottomLeft: "┗", bottomRight: "┛",
                horizontal: "━", vertical: "┃"
            )
            levels = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
            usesBraille = tier == .braille
            partialBar = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]
            fullBar = "█"
            barTrack = "·"
            ellipsis = "…"
            flowHorizontal = "─"
            flowVertical = "│"
            arrowRight = "►"; arrowLeft = "◄"; arrowDown = "▼"; arrowUp = "▲"
            flowDot = "●"
            times = "×"
        }
    }
}
