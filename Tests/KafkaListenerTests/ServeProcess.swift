import Foundation

/// `streamstage serve` as a child process on a loopback port the system picked: started per
/// test, stopped by its pid on every path (SIGTERM, then SIGKILL after a bounded wait).
final class ServeProcess {
    let process = Process()
    let folder: URL
    let outURL: URL
    /// The port the listener bound (read from its first line).
    private(set) var port = 0

    /// The package folder (demo-data/, .venv-kafka/, Tests/kafka/).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The built `streamstage` executable, beside the test bundle.
    static var binary: String {
        var folder = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("streamstage").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder.deleteLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/streamstage").path
    }

    /// Starts `serve SCENARIO --listen 127.0.0.1:0 extra…` and waits (at most 20 s) for its
    /// "serving … on kafka 127.0.0.1:PORT" line.
    init(_ scenario: String = "command-vs-events", _ extra: [String] = []) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("streamstage-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        outURL = folder.appendingPathComponent("out")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["serve", scenario, "--listen", "127.0.0.1:0", "--seed", "7"] + extra
        process.currentDirectoryURL = Self.packageRoot
        process.standardOutput = out
        process.standardError = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try out.close()
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if let line = output.split(separator: "\n").first(where: { $0.contains(" on kafka 127.0.0.1:") }),
               let portText = line.split(separator: ":").last.map({ $0.prefix { $0.isNumber } }), let bound = Int(portText) {
                port = bound
                return
            }
            guard process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        stop()
        throw ServeFailure(message: "serve did not start listening within 20 s; output:\n\(output)")
    }

    /// `127.0.0.1:PORT`.
    var bootstrap: String { "127.0.0.1:\(port)" }

    /// Everything the process printed so far.
    var output: String { (try? String(contentsOf: outURL, encoding: .utf8)) ?? "" }

    /// The resident set size in KiB, from /proc.
    var rssKiB: Int {
        let status = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }

    /// SIGTERM, a bounded wait, then SIGKILL; returns the exit status (nil when it had to be
    /// killed). The output stays readable until the value goes away.
    @discardableResult
    func stop() -> Int32? {
        guard process.isRunning else { return process.terminationStatus }
        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        guard process.isRunning else { return process.terminationStatus }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return nil
    }

    deinit {
        if process.isRunning { stop() }
        try? FileManager.default.removeItem(at: folder)
    }
}

/// A test helper could not do its part; the message says what it saw.
struct ServeFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Runs a real Kafka client (kcat, or a script in Tests/kafka/ with the venv's Python), bounded in time.
enum KafkaClient {
    /// The venv's Python, made by Tests/kafka/setup.sh.
    static let python = ServeProcess.packageRoot.appendingPathComponent(".venv-kafka/bin/python").path

    /// Runs `Tests/kafka/SCRIPT arguments…` and returns its exit status and output.
    static func script(_ name: String, _ arguments: [String], timeout: Double = 60) throws -> (status: Int32, out: String) {
        let script = ServeProcess.packageRoot.appendingPathComponent("Tests/kafka/\(name)").path
        return try run(python, [script] + arguments, timeout: timeout)
    }

    /// Runs `kcat arguments…`, writing `input` to its standard input.
    static func kcat(_ arguments: [String], input: String? = nil, timeout: Double = 30) throws -> (status: Int32, out: String) {
        try run("/usr/bin/kcat", arguments, input: input, timeout: timeout)
    }

    /// Runs a program to completion or `timeout` seconds (then kills it by pid); stdout and
    /// stderr go through a file (a pipe held by a stray child would never end).
    static func run(_ program: String, _ arguments: [String], input: String? = nil, timeout: Double) throws -> (status: Int32, out: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("streamstage-client-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("out")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.standardOutput = out
        process.standardError = out
        if let input {
            let inURL = folder.appendingPathComponent("in")
            try input.write(to: inURL, atomically: true, encoding: .utf8)
            process.standardInput = try FileHandle(forReadingFrom: inURL)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try out.close()
        let text = try String(contentsOf: outURL, encoding: .utf8)
        return (process.terminationReason == .uncaughtSignal ? -1 : process.terminationStatus, text)
    }
}
