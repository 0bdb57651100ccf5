import Dashboard

extension FrameEncoder {
    /// The shortest SGR sequence that switches the terminal from style `from` to style `to`.
    ///
    /// Returns "" when the styles are equal. Compares an incremental change (turning single
    /// attributes off and on) with a reset followed by `to`'s attributes and keeps the shorter;
    /// a tie goes to the reset, which does not depend on the terminal's current state.
    public static func sgr(from: CellStyle, to: CellStyle) -> String {
        guard from != to else { return "" }
        let incremental = incrementalParameters(from: from, to: to)
        let reset = ["0"] + parameters(of: to)
        let chosen = incremental.joined(separator: ";").utf8.count < reset.joined(separator: ";").utf8.count
            ? incremental : reset
        return "\u{1B}[" + chosen.joined(separator: ";") + "m"
    }

    /// The SGR parameters that set `style` on a terminal in its default state.
    static func parameters(of style: CellStyle) -> [String] {
        var result: [String] = []
        if style.bold { result.append("1") }
        if style.dim { result.append("2") }
        if style.underline { result.append("4") }
        if style.reverse { result.append("7") }
        if style.foreground != .terminalDefault { result += colorParameters(style.foreground, foreground: true) }
        if style.background != .terminalDefault { result += colorParameters(style.background, foreground: false) }
        return result
    }

    /// The SGR parameters that change only what differs between two styles.
    static func incrementalParameters(from: CellStyle, to: CellStyle) -> [String] {
        var result: [String] = []
        // SGR 22 clears bold and dim together, so whichever of them stays on must be set again.
        if (from.bold && !to.bold) || (from.dim && !to.dim) {
            result.append("22")
            if to.bold { result.append("1") }
            if to.dim { result.append("2") }
        } else {
            if to.bold && !from.bold { result.append("1") }
            if to.dim && !from.dim { result.append("2") }
        }
        if from.underline != to.underline { result.append(to.underline ? "4" : "24") }
        if from.reverse != to.reverse { result.append(to.reverse ? "7" : "27") }
        if from.foreground != to.foreground { result += colorParameters(to.foreground, foreground: true) }
        if from.background != to.background { result += colorParameters(to.background, foreground: false) }
        return result
    }

    /// The SGR parameters selecting one colour: 30–37/90–97 (40–47/100–107) for the 16 ANSI
    /// colours, `38;5;n` (`48;5;n`) for the 256-colour palette, 39 (49) for the default.
    ///
    /// An `.ansi` value above 15 is outside the 16 colours and is sent as a palette index.
    static func colorParameters(_ color: CellColor, foreground: Bool) -> [String] {
        let base = foreground ? 30 : 40
        switch color {
        case .terminalDefault:
            return [String(base + 9)]
        case .ansi(let index) where index < 8:
            return [String(base + Int(index))]
        case .ansi(let index) where index < 16:
            return [String(base + 60 + Int(index) - 8)]
        case .ansi(let index), .palette(let index):
            return [String(base + 8), "5", String(index)]
        }
    }
}
