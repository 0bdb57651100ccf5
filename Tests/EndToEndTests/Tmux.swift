import Foundation
import Glibc

/// A program running in a detached tmux session of a fixed size, driven like a person would.
///
/// Each session gets its own tmux server (`-L`, no user config), so tests can run in parallel
/// without touching anyone's tmux. A shell stays in the pane after the program exits, so the
/// program's exit status, last screen and the terminal modes it left can still be read.
///
///     let session = try TmuxSession.start(["/path/to/streamstage", "run"], cols: 120, rows: 40)
///     defer { session.kill() }
///     try session.waitForText("Throughput")
///     try session.sendKeys("n")
///     try session.resize(cols: 80, rows: 24)
///     try session.sendKeys("q")
///     #expect(try session.waitForExit() == 0)
///     #expect(try session.terminalState() == .init(alternateScreen: false, cursorVisible: true))
struct TmuxSession {
    /// What went wrong talking to tmux or waiting for the program.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The pane's terminal modes, to check the program restored them.
    struct TerminalState: Equatable {
        var alternateScreen: Bool
        var cursorVisible: Bool
    }

    /// The tmux server's socket name, unique to this session.
    let socket: String
    private static let target = "app"
    /// Printed with the program's exit status when it ends.
    private static let exitMarker = "tmux-session-exit="

    /// Starts `arguments` (program first, no shell) in a new `cols`×`rows` session.
    ///
    /// `environment` adds to or overrides what the program gets (`TERM` is `tmux-256color`
    /// unless set there; `LANG` defaults to `C.UTF-8`).
    static func start(
        _ arguments: [String], cols: Int, rows: Int, environment: [String: String] = [:]
    ) throws -> TmuxSession {
        let session = TmuxSession(socket: "streamstage-e2e-\(getpid())-\(UUID().uuidString.prefix(8))")
        let variables = ["LANG": "C.UTF-8"].merging(environment) { $1 }.sorted { $0.key < $1.key }
        // env(1) rather than tmux's -e, which cannot override the TERM tmux sets. The shell stays
        // after the program ends, so the pane keeps the terminal state the program left behind.
        let script = "\"$@\"; printf '\\n\(Self.exitMarker)%d\\n' $?; exec sleep 86400"
        let program = ["sh", "-c", script, "sh", "env"] + variables.map { "\($0.key)=\($0.value)" } + arguments
        try session.tmux([
            "new-session", "-d", "-s", target, "-x", "\(cols)", "-y", "\(rows)",
            program.map(shellQuoted).joined(separator: " "),
        ])
        return session
    }

    /// Sends tmux key names: `"n"`, `"Space"`, `"Escape"`, `"C-c"`, `"Left"`, `"BTab"`, `"F1"`.
    func sendKeys(_ keys: String...) throws {
        try tmux(["send-keys", "-t", Self.target] + keys)
    }

    /// Types `text` literally, character by character.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", Self.target, "-l", text])
    }

    /// The pane's text, one line per row; with `escapes`, SGR colour and attribute codes too.
    func capture(escapes: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p", "-t", Self.target] + (escapes ? ["-e"] : []))
    }

    /// Polls the pane until `condition` holds for its text, and returns that text.
    ///
    /// - Throws: ``Failure`` with the last screen when `timeout` passes first.
    @discardableResult
    func waitUntil(
        timeout: Duration = .seconds(5), _ what: String = "condition", _ condition: (String) -> Bool
    ) throws -> String {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while true {
            let screen = try capture()
            if condition(screen) { return screen }
            guard clock.now < deadline else {
                throw Failure(description: "timed out after \(timeout) waiting for \(what); screen:\n\(screen)")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// Polls the pane until it shows `text`.
    @discardableResult
    func waitForText(_ text: String, timeout: Duration = .seconds(5)) throws -> String {
        try waitUntil(timeout: timeout, "\"\(text)\"") { $0.contains(text) }
    }

    /// Resizes the window, as a person dragging the terminal's corner would.
    func resize(cols: Int, rows: Int) throws {
        try tmux(["resize-window", "-t", Self.target, "-x", "\(cols)", "-y", "\(rows)"])
    }

    /// Waits for the program to end and returns its exit status (128 + n when signal n ended it).
    func waitForExit(timeout: Duration = .seconds(5)) throws -> Int {
        let screen = try waitUntil(timeout: timeout, "the program to exit") { $0.contains(Self.exitMarker) }
        let status = screen.split(separator: "\n").last { $0.hasPrefix(Self.exitMarker) }?
            .dropFirst(Self.exitMarker.count)
        guard let status, let code = Int(status) else { throw Failure(description: "no exit status in:\n\(screen)") }
        return code
    }

    /// Whether the pane is on the alternate screen and shows the cursor.
    func terminalState() throws -> TerminalState {
        let fields = try display("#{alternate_on} #{cursor_flag}").split(separator: " ")
        return TerminalState(alternateScreen: fields.first == "1", cursorVisible: fields.last == "1")
    }

    /// The process id of the program in the pane (a child of the pane's shell), to signal it.
    func pid() throws -> pid_t {
        let shell = try display("#{pane_pid}")
        let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        guard let pid = children.split(separator: " ").first.flatMap({ pid_t($0) }) else {
            throw Failure(description: "the program in the pane is not running")
        }
        return pid
    }

    /// Ends the program, the pane's shell and the tmux server.
    ///
    /// The processes are killed outright (the server would otherwise wait for a pane process
    /// that ignores the hangup), and the socket file is removed.
    func kill() {
        let socketPath = try? display("#{socket_path}")
        defer { if let socketPath { unlink(socketPath) } }
        if let program = try? pid() { Glibc.kill(program, SIGKILL) }
        if let shell = try? display("#{pane_pid}"), let shellPID = pid_t(shell) { Glibc.kill(shellPID, SIGKILL) }
        _ = try? tmux(["kill-server"])
    }

    private func display(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", Self.target, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs one tmux command and returns what it printed.
    ///
    /// Spawned directly and read through temporary files: the first command starts the tmux
    /// server, which inherits the child's descriptors, so a pipe (or Foundation's `Process`,
    /// which watches one) would wait for as long as the server runs.
    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket)-\(UUID().uuidString)").path
        let outputPath = base + ".out"
        let errorPath = base + ".err"
        defer {
            unlink(outputPath)
            unlink(errorPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ["tmux", "-f", "/dev/null", "-L", socket] + arguments
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var child: pid_t = 0
        let spawned = posix_spawnp(&child, "tmux", &actions, nil, &cArguments, environ)
        guard spawned == 0 else { throw Failure(description: "could not run tmux: error \(spawned)") }
        var status: Int32 = 0
        while waitpid(child, &status, 0) == -1, errno == EINTR {}
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        guard status == 0 else {
            let message = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
            throw Failure(description: "tmux \(arguments.joined(separator: " ")) failed: \(message)")
        }
        return output
    }
}

/// `argument` quoted for `sh`, which tmux runs the command with.
private func shellQuoted(_ argument: String) -> String {
    "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
