import Foundation
import Glibc
import KafkaTestSupport

/// A noida-db broker on a free loopback port for the watch tests, with real clients around it:
/// kcat producing, kafka-python group members consuming, kafka-python's admin as the oracle.
/// Every process it starts is stopped by pid (also when a test fails); every wait is bounded.
final class WatchBroker {
    /// The broker process (KafkaTestSupport's, stopped by pid).
    private let noida: NoidaBroker
    var bootstrapServers: String { noida.bootstrapServers }
    private var processes: [Process] = []
    private let folder: URL

    static let venv = Binary.packageRoot.appendingPathComponent(".venv-kafka")
    static let scripts = Binary.packageRoot.appendingPathComponent("Tests/kafka")

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Starts noida-db (at most 30 s until its port accepts connections) and a folder for the clients' files.
    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("watch-broker-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        noida = try NoidaBroker()
    }

    deinit { stop() }

    /// Stops every client this broker started, then the broker, and removes its files: SIGINT,
    /// then SIGKILL after 5 s.
    func stop() {
        for process in processes.reversed() where process.isRunning {
            kill(process.processIdentifier, SIGINT)
            let deadline = Date().addingTimeInterval(5)
            while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        processes = []
        noida.stop()
        try? FileManager.default.removeItem(at: folder)  // a leftover temp dir is harmless
    }

    /// Produces `count` records of `size` bytes to `topic` with kcat (waits for it, at most 30 s).
    func produce(_ topic: String, count: Int, size: Int) throws {
        let lines = folder.appendingPathComponent("records-\(UUID().uuidString)")
        let record = String(repeating: "x", count: size)
        try Data(Array(repeating: record, count: count).joined(separator: "\n").appending("\n").utf8).write(to: lines)
        let kcat = try start("/usr/bin/env", ["kcat", "-P", "-b", bootstrapServers, "-t", topic, "-l", lines.path])
        try wait(for: kcat, seconds: 30, what: "kcat producing to \(topic)")
    }

    /// Starts a kafka-python member of `group` reading `topic` at `secondsPerRecord`, for at most
    /// `lifetime` seconds; with `waitForPartitions`, waits (at most 30 s) until it has some.
    @discardableResult
    func startMember(group: String, topic: String, secondsPerRecord: Double, lifetime: Int, waitForPartitions: Bool = true) throws
        -> Process
    {
        let log = folder.appendingPathComponent("member-\(UUID().uuidString).log")
        let member = try start(Self.venv.appendingPathComponent("bin/python").path,
                               [Self.scripts.appendingPathComponent("slow_group.py").path, bootstrapServers, topic, group,
                                "\(secondsPerRecord)", "\(lifetime)"], output: log)
        let deadline = Date().addingTimeInterval(30)
        while waitForPartitions, !((try? String(contentsOf: log, encoding: .utf8))?.contains("joined") ?? false) {
            guard Date() < deadline, member.isRunning else { throw Failure(description: "the \(group) member did not join within 30 s") }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return member
    }

    /// Waits (at most `seconds`) for `process` to end.
    func wait(for process: Process, seconds: Double, what: String) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning {
            guard Date() < deadline else { throw Failure(description: "\(what) did not finish within \(Int(seconds)) s") }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// kafka-python's lag of `group`: committed offsets (admin client) against end offsets, read together.
    func oracleLag(group: String) throws -> OracleLag {
        let out = folder.appendingPathComponent("oracle-\(UUID().uuidString).json")
        let python = try start(Self.venv.appendingPathComponent("bin/python").path,
                               [Self.scripts.appendingPathComponent("lag_oracle.py").path, bootstrapServers, group], output: out)
        try wait(for: python, seconds: 30, what: "lag_oracle.py")
        guard python.terminationStatus == 0 else { throw Failure(description: "lag_oracle.py exited \(python.terminationStatus)") }
        return try JSONDecoder().decode(OracleLag.self, from: Data(contentsOf: out))
    }

    /// What the oracle reports.
    struct OracleLag: Decodable {
        struct Partition: Decodable {
            var committed: Int64
            var end: Int64
        }

        var lag: Int64
        var partitions: [String: Partition]
        /// Every group id on the cluster.
        var groups: [String]
    }

    /// Starts `program` with output to `output` (a file, never a pipe a tmux server could hold).
    private func start(_ program: String, _ arguments: [String], output: URL? = nil) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        if let output {
            FileManager.default.createFile(atPath: output.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: output)
        } else {
            process.standardOutput = FileHandle.nullDevice
        }
        process.standardError = FileHandle.nullDevice
        try process.run()
        processes.append(process)
        return process
    }
}
