import CNcursesw
import Dashboard

import Glibc

/// The full-screen terminal: presents grids, reads keys, and always gives the terminal back.
///
/// The only type that talks to ncurses. Use it from the main thread:
///
///     let screen = try TerminalScreen.open(.init(glyphs: ascii ? .ascii : .braille))
///     defer { screen.close() }
///     while true {
///         if let signal = screen.pendingSignal { screen.closeAndExit(signal: signal) }
///         if let key = screen.readKey(timeoutMs: 33) { /* look it up in Keymap.standard */ }
///         screen.present(render(state, screen.size, screen.theme))
///     }
@MainActor
public final class TerminalScreen {
    /// The most the caller allows, from flags such as `--ascii` and `--no-color`.
    public struct Options: Hashable, Sendable {
        /// The richest glyph tier to use; a non-UTF-8 locale lowers it to ASCII.
        public var glyphs: GlyphTier
        /// The richest colour tier to use; `NO_COLOR` or a terminal without colours lower it.
        public var colors: ColorTier

        public init(glyphs: GlyphTier = .braille, colors: ColorTier = .palette256) {
            self.glyphs = glyphs
            self.colors = colors
        }
    }

    /// What the terminal turned out to support, within the options.
    public struct Capabilities: Hashable, Sendable {
        /// The colour tier in use.
        public var colorTier: ColorTier
        /// The glyph tier in use.
        public var glyphTier: GlyphTier
        /// Whether the locale's character set is UTF-8.
        public var isUTF8: Bool
        /// How many colours the terminal reports (0 without colour support).
        public var colorCount: Int
    }

    /// What the terminal supports.
    public let capabilities: Capabilities
    /// The theme for ``capabilities``, to pass to render.
    public var theme: Theme { Theme(colors: capabilities.colorTier, glyphs: capabilities.glyphTier) }

    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private var isOpen = true
    private var lastGrid: Grid?
    private var needsFullRepaint = true
    var colorPairs = ColorPairs()
    private let glyphBuffer = UnsafeMutablePointer<wchar_t>.allocate(capacity: 8)
    private var cellBuffer = cchar_t()

    private init(screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, capabilities: Capabilities) {
        self.screen = screen
        self.window = window
        self.capabilities = capabilities
    }

    /// Takes over the terminal: alternate screen, raw keys, hidden cursor, signal handlers.
    ///
    /// - Throws: ``TerminalError`` when stdin/stdout are not terminals, `TERM` is `dumb` or
    ///   unset, or ncurses fails; each message points to `--headless`.
    public static func open(_ options: Options = Options()) throws(TerminalError) -> TerminalScreen {
        guard !TerminalSignals.isActive else { throw .alreadyOpen }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        guard !term.isEmpty, term != "dumb" else { throw .unsupportedTerminal(term: term) }

        setlocale(LC_ALL, "")
        let isUTF8 = nl_langinfo(nl_item(CODESET)).map { String(cString: $0) } == "UTF-8"
        TerminalSignals.saveTerminalModes(fd: STDOUT_FILENO)
        guard let screen = newterm(nil, ss_stdout(), ss_stdin()), let window = ss_stdscr() else {
            throw .initializationFailed(term: term)
        }
        raw()
        noecho()
        nonl()
        keypad(window, true)
        intrflush(window, false)
        if getenv("ESCDELAY") == nil { set_escdelay(25) }
        curs_set(0)

        let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        var colorTier = noColor ? .monochrome : options.colors
        var colorCount = 0
        if colorTier > .monochrome, has_colors() {
            start_color()
            use_default_colors()
            colorCount = Int(ss_colors())
            colorTier = min(colorTier, colorCount >= 256 ? .palette256 : .ansi16)
        } else {
            colorTier = .monochrome
        }
        let capabilities = Capabilities(
            colorTier: colorTier, glyphTier: isUTF8 ? options.glyphs : .ascii, isUTF8: isUTF8, colorCount: colorCount
        )
        let terminal = TerminalScreen(screen: screen, window: window, capabilities: capabilities)
        terminal.colorPairs = ColorPairs(colorCount: colorCount, pairLimit: Int(ss_color_pairs()))
        TerminalSignals.install(fd: STDOUT_FILENO)
        return terminal
    }

    /// The terminal's current size in cells.
    public var size: TerminalSize {
        TerminalSize(cols: Int(getmaxx(window)), rows: Int(getmaxy(window)))
    }

    /// The termination signal (SIGTERM, SIGHUP, SIGINT, SIGQUIT) received since opening, if any.
    ///
    /// The loop should then call ``closeAndExit(signal:)``. A second such signal does not wait
    /// for the loop: it restores the terminal and ends the process at once.
    public var pendingSignal: Int32? {
        let signal = TerminalSignals.pending
        return signal == 0 ? nil : signal
    }

    /// Forgets what is on screen, so the next ``present(_:)`` repaints every cell.
    public func invalidate() {
        needsFullRepaint = true
    }

    /// Shows `grid`, writing only the cells that differ from the last grid presented.
    ///
    /// Does nothing when no cell changed. After a resize or ``invalidate()`` the whole screen is
    /// cleared and repainted. Cells beyond the terminal's size are dropped.
    public func present(_ grid: Grid) {
        guard isOpen else { return }
        let changes = needsFullRepaint ? nil : lastGrid.flatMap { grid.changedRuns(since: $0) }
        if changes == nil {
            if needsFullRepaint { clearok(window, true) }
            werase(window)
        }
        let rows = min(grid.size.rows, Int(getmaxy(window)))
        let cols = min(grid.size.cols, Int(getmaxx(window)))
        var changed = changes == nil
        for run in changes ?? grid.everyRow where run.y < rows {
            for x in run.columns.clamped(to: 0..<cols) {
                draw(grid[x, run.y], x: x, y: run.y)
                changed = true
            }
        }
        lastGrid = grid
        needsFullRepaint = false
        guard changed else { return }
        wnoutrefresh(window)
        doupdate()
    }

    /// Waits up to `timeoutMs` milliseconds (forever when negative) for a key.
    ///
    /// - Returns: the key, or `nil` on timeout, on a signal, or for keys the dashboard ignores.
    public func readKey(timeoutMs: Int32) -> Key? {
        guard isOpen else { return nil }
        wtimeout(window, timeoutMs)
        var code: wint_t = 0
        let result = wget_wch(window, &code)
        let key: Key?
        if result == SS_KEY_CODE_YES {
            key = Self.functionKey(Int32(bitPattern: code))
        } else if result == SS_OK {
            key = Self.characterKey(UInt32(code))
        } else {
            key = nil
        }
        if key == .resize { needsFullRepaint = true }
        return key
    }

    /// Gives the terminal back: normal screen, visible cursor, cooked input. Safe to call twice.
    public func close() {
        guard isOpen else { return }
        isOpen = false
        curs_set(1)
        endwin()
        delscreen(screen)
        TerminalSignals.uninstall()
        glyphBuffer.deallocate()
    }

    /// Closes the terminal, then ends the process by `signal` with its default action, so the
    /// exit status is 128 + `signal` as for any process the signal killed.
    public func closeAndExit(signal: Int32) -> Never {
        close()
        TerminalSignals.reraise(signal)
    }

    private func draw(_ cell: Cell, x: Int, y: Int) {
        var count = 0
        for scalar in cell.glyph.unicodeScalars {
            if count == 0 {
                glyphBuffer[0] = Self.base(scalar, utf8: capabilities.isUTF8)
                count = 1
            } else if count < 5, capabilities.isUTF8, ss_wcwidth(wchar_t(bitPattern: scalar.value)) == 0 {
                glyphBuffer[count] = wchar_t(bitPattern: scalar.value)
                count += 1
            }
        }
        glyphBuffer[count] = 0
        let (attributes, pair) = colorPairs.attributes(for: cell.style, tier: capabilities.colorTier)
        setcchar(&cellBuffer, glyphBuffer, attributes, pair, nil)
        mvwadd_wch(window, Int32(y), Int32(x), &cellBuffer)
    }

    /// `scalar` as a one-column character: a control character becomes a space, and a wide or
    /// (outside UTF-8) non-ASCII one becomes `?`, so one cell never covers two columns.
    private static func base(_ scalar: Unicode.Scalar, utf8: Bool) -> wchar_t {
        let value = scalar.value
        if value >= 0x20, value < 0x7F { return wchar_t(value) }
        if value < 0x20 || value == 0x7F { return 0x20 }
        let character = wchar_t(bitPattern: value)
        return utf8 && ss_wcwidth(character) == 1 ? character : 0x3F
    }
}
