import CNcursesw
import Dashboard

extension TerminalScreen {
    /// The key for an ncurses key code (`KEY_*`), or `nil` for keys the dashboard ignores.
    nonisolated static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case SS_KEY_RESIZE: .resize
        case SS_KEY_UP: .up
        case SS_KEY_DOWN: .down
        case SS_KEY_LEFT: .left
        case SS_KEY_RIGHT: .right
        case SS_KEY_HOME: .home
        case SS_KEY_END: .end
        case SS_KEY_PPAGE: .pageUp
        case SS_KEY_NPAGE: .pageDown
        case SS_KEY_BTAB: .backTab
        case SS_KEY_ENTER: .enter
        case SS_KEY_BACKSPACE: .backspace
        case SS_KEY_DC: .delete
        case SS_KEY_F1...SS_KEY_F12: .function(Int(code - SS_KEY_F1) + 1)
        default: nil
        }
    }

    /// The key for a character read in raw mode: Ctrl-C arrives as 3, Enter as 13.
    nonisolated static func characterKey(_ value: UInt32) -> Key? {
        switch value {
        case 3: .controlC
        case 9: .tab
        case 10, 13: .enter
        case 27: .escape
        case 8, 127: .backspace
        case 0..<32: nil
        default: Unicode.Scalar(value).map { .character(Character($0)) }
        }
    }
}
