import CNcursesw

import Glibc

/// Signal handling for an open ``TerminalScreen``.
///
/// Termination signals (SIGTERM, SIGHUP, SIGINT, SIGQUIT) only record themselves; the loop reads
/// ``TerminalScreen/pendingSignal`` and closes properly. A second termination signal, and any
/// crash signal (SIGILL — a Swift trap —, SIGSEGV, SIGBUS, SIGFPE, SIGABRT, SIGTRAP), restore
/// the terminal from inside the handler with async-signal-safe calls only (`write` of the
/// terminfo reset strings, `tcsetattr`) and re-raise with the default action, so the exit status
/// stays 128 + n. The state is set up before the handlers are installed and only read by them.
enum TerminalSignals {
    nonisolated(unsafe) static var pending: Int32 = 0
    nonisolated(unsafe) static var isActive = false
    nonisolated(unsafe) private static var fd: Int32 = STDOUT_FILENO
    nonisolated(unsafe) private static var savedModes = termios()
    nonisolated(unsafe) private static var hasSavedModes = false
    nonisolated(unsafe) private static var resetBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
    nonisolated(unsafe) private static var resetCount = 0
    nonisolated(unsafe) private static var previous: [Int32: sigaction] = [:]
    nonisolated(unsafe) private static var exitHookRegistered = false

    static let terminationSignals: [Int32] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT]
    static let crashSignals: [Int32] = [SIGILL, SIGSEGV, SIGBUS, SIGFPE, SIGABRT, SIGTRAP]

    /// Remembers the terminal's modes before ncurses changes them.
    static func saveTerminalModes(fd: Int32) {
        self.fd = fd
        hasSavedModes = tcgetattr(fd, &savedModes) == 0
    }

    /// Prepares the reset bytes from terminfo and installs the handlers and an exit hook.
    static func install(fd: Int32) {
        self.fd = fd
        prepareResetBytes()
        pending = 0
        isActive = true
        for signal in terminationSignals { handle(signal, with: onTermination, flags: 0) }
        let once = Int32(truncatingIfNeeded: Int(SA_RESETHAND) | Int(SA_NODEFER))
        for signal in crashSignals { handle(signal, with: onCrash, flags: once) }
        if !exitHookRegistered {
            exitHookRegistered = true
            atexit { TerminalSignals.emergencyRestore() }
        }
    }

    /// Puts back the handlers that were there before ``install(fd:)``.
    static func uninstall() {
        isActive = false
        for (signal, action) in previous {
            var old = action
            sigaction(signal, &old, nil)
        }
        previous = [:]
    }

    /// Ends the process by `signal` with its default action.
    static func reraise(_ number: Int32) -> Never {
        signal(number, SIG_DFL)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, number)
        sigprocmask(SIG_UNBLOCK, &set, nil)
        raise(number)
        _exit(128 + number)
    }

    /// Restores the terminal without ncurses: reset strings, then the saved tty modes.
    static func emergencyRestore() {
        guard isActive else { return }
        isActive = false
        _ = write(fd, resetBytes, resetCount)
        if hasSavedModes { tcsetattr(fd, TCSANOW, &savedModes) }
    }

    private static func handle(_ signal: Int32, with handler: @escaping @convention(c) (Int32) -> Void, flags: Int32) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = flags
        var old = sigaction()
        sigaction(signal, &action, &old)
        previous[signal] = old
    }

    /// Terminal reset: attributes off, keypad off, normal screen, cursor visible.
    private static func prepareResetBytes() {
        var bytes: [UInt8] = []
        let capabilities = [("sgr0", "\u{1B}[0m"), ("rmkx", ""), ("rmcup", "\u{1B}[?1049l"), ("cnorm", "\u{1B}[?25h")]
        for (capability, fallback) in capabilities {
            if let value = ss_tigetstr(capability) {
                bytes += Array(String(cString: value).utf8)
            } else {
                bytes += Array(fallback.utf8)
            }
        }
        resetCount = min(bytes.count, 256)
        for index in 0..<resetCount { resetBytes[index] = bytes[index] }
    }
}

private func onTermination(_ signal: Int32) {
    if TerminalSignals.pending != 0 {
        TerminalSignals.emergencyRestore()
        TerminalSignals.reraise(signal)
    }
    TerminalSignals.pending = signal
}

private func onCrash(_ signal: Int32) {
    TerminalSignals.emergencyRestore()
    TerminalSignals.reraise(signal)
}
