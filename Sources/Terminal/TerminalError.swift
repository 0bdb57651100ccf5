/// Why the full-screen terminal could not be opened; each message says what to do instead.
public enum TerminalError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Standard input or output is not a terminal (piped, redirected, or run by CI).
    case notATerminal
    /// `TERM` is unset, empty or `dumb`: the terminal cannot position the cursor.
    case unsupportedTerminal(term: String)
    /// ncurses could not set up the terminal `TERM` names (no terminfo entry, say).
    case initializationFailed(term: String)
    /// Another ``TerminalScreen`` is still open in this process.
    case alreadyOpen

    public var description: String {
        switch self {
        case .notATerminal:
            "the live dashboard needs an interactive terminal, but standard input or output is not one; "
                + "use --headless to run without a terminal"
        case .unsupportedTerminal(let term):
            "the live dashboard cannot draw on TERM=\(term.isEmpty ? "(unset)" : term); "
                + "use a full terminal (TERM=xterm-256color) or --headless"
        case .initializationFailed(let term):
            "ncurses could not open the terminal TERM=\(term) (is its terminfo entry installed?); "
                + "use another TERM or --headless"
        case .alreadyOpen:
            "the terminal is already open in this process"
        }
    }
}
