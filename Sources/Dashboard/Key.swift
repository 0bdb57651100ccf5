/// A key press as the dashboard sees it, independent of the terminal library.
public enum Key: Hashable, Sendable {
    /// A printable character, including space.
    case character(Character)
    case up, down, left, right
    case home, end, pageUp, pageDown
    case tab, backTab
    case enter, escape, backspace, delete
    /// Ctrl-C, read as a key (the terminal is in raw mode), not as SIGINT.
    case controlC
    /// The terminal changed size; re-read the size and render again.
    case resize
    /// Function key F1…F12.
    case function(Int)

    /// The name shown in the help overlay: `→`, `space`, `shift-tab`, `ctrl-c`, `F1`.
    ///
    /// The ASCII glyph tier spells the arrows out (`right`), since it cannot draw them.
    public func label(glyphs: GlyphTier) -> String {
        let unicode = glyphs != .ascii
        switch self {
        case .character(" "): return "space"
        case .character(let character): return String(character)
        case .up: return unicode ? "↑" : "up"
        case .down: return unicode ? "↓" : "down"
        case .left: return unicode ? "←" : "left"
        case .right: return unicode ? "→" : "right"
        case .home: return "home"
        case .end: return "end"
        case .pageUp: return "pgup"
        case .pageDown: return "pgdn"
        case .tab: return "tab"
        case .backTab: return "shift-tab"
        case .enter: return "enter"
        case .escape: return "esc"
        case .backspace: return "backspace"
        case .delete: return "del"
        case .controlC: return "ctrl-c"
        case .resize: return "resize"
        case .function(let number): return "F\(number)"
        }
    }
}
