import Foundation
import Glibc

/// A noida-db broker on a free loopback port for the watch tests, with real clients around it:
/// kcat producing, kafka-python group members consuming, kafka-python's admin as the oracle.
/// Every process it starts is stopped by pid (also when a test fails); every wait is bounded.
final class WatchBroker {
    let bootstrapServers: String
    private let dataDir: URL
    private var processes: [Process] = []
    private let folder: URL

    static let venv = Binary.packageRoot.appendingPathComponent(".venv-kafka")
    static let scripts = Binary.packageRoot.appendingPathComponent("Tests/kafka")

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Starts noida-db and waits (at most 30 s) until its port accepts connections.
    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("watch-broker-\(UUID().uuidString)")
        dataDir = folder.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: dataDir, withIntermediateDirectories: true)
        let port = try Self.freePort()
        bootstrapServers = "127.0.0.1:\(port)"
        _ = try start(try Self.noidaBinary(),
                      ["start", "--host", "127.0.0.1", "--only", "kafka", "--kafka-port", "\(port)", "--data-dir", dataDir.path])
        let deadline = Date().addingTimeInterval(30)
        while !Self.accepts(port: port) {
            guard Date() < deadline else {
                stop()
                throw Failure(description: "noida-db did not listen on \(bootstrapServers) within 30 s")
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    deinit { stop() }

    /// noida-db's server itself: `bin/noida-db` is a Python launcher whose child would outlive a
    /// signal sent to the launcher, so the test starts (and stops) the binary it launches.
    static func noidaBinary() throws -> String {
        let lib = venv.appendingPathComponent("lib")
        for python in (try? FileManager.default.contentsOfDirectory(atPath: lib.path)) ?? [] {
            let binary = lib.appendingPathComponent(python).appendingPathComponent("site-packages/noida_db/noida-db").path
            if FileManager.default.isExecutableFile(atPath: binary) { return binary }
        }
        throw Failure(description: "no noida-db binary in \(lib.path)/*/site-packages/noida_db (run Tests/kafka/setup.sh)")
    }

    /// Stops every process this broker started (members first, the broker last) and removes its
    /// files: SIGINT (noida-db stops on it, as on Ctrl-C), then SIGKILL after 5 s.
    func stop() {
        for process in processes.reversed() where process.isRunning {
            kill(process.processIdentifier, SIGINT)
            let deadline = Date().addingTimeInterval(5)
            while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        processes = []
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

    /// A port nothing listens on now (bound to 127.0.0.1:0, then released).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw Failure(description: "bind to 127.0.0.1:0 failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Whether something accepts TCP connections on 127.0.0.1:`port`.
    static func accepts(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}
