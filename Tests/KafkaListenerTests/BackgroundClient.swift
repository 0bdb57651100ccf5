import Foundation

/// A client script left running beside a test (a group member), its output in a file: stopped
/// by its pid on every path — SIGKILL when a test means to crash it, and in `deinit` otherwise.
final class BackgroundClient {
    let process = Process()
    let folder: URL
    let outURL: URL

    /// Starts `Tests/kafka/SCRIPT arguments…` with the venv's Python.
    init(_ script: String, _ arguments: [String]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("streamstage-member-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        outURL = folder.appendingPathComponent("out")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        process.executableURL = URL(fileURLWithPath: KafkaClient.python)
        process.arguments = [ServeProcess.packageRoot.appendingPathComponent("Tests/kafka/\(script)").path] + arguments
        process.standardOutput = out
        process.standardError = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try out.close()
    }

    /// Everything it printed so far.
    var output: String { (try? String(contentsOf: outURL, encoding: .utf8)) ?? "" }

    /// The last assignment a `group.py member` printed (sorted "TOPIC-P" names), nil before the first.
    var assignment: [String]? {
        let lines = output.split(separator: "\n").filter { $0.hasPrefix("{\"assignment\"") }
        guard let last = lines.last,
              let object = try? JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: [String]] else { return nil }
        return object["assignment"]
    }

    /// Sends `signal` and waits (at most 10 s) for the process to end.
    func stop(_ signal: Int32 = SIGTERM) {
        if process.isRunning {
            kill(process.processIdentifier, signal)
            let deadline = Date().addingTimeInterval(10)
            while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
        }
        try? FileManager.default.removeItem(at: folder)
    }

    deinit { stop(SIGKILL) }
}

/// Polls `condition` every 100 ms for at most `seconds`; returns whether it came true.
func eventually(within seconds: Double, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if condition() { return true }
        Thread.sleep(forTimeInterval: 0.1)
    }
    return condition()
}
