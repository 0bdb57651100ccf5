import Foundation
import Glibc

/// An independent Kafka-compatible broker process for tests: noida-db from `.venv-kafka`, on a
/// free loopback port with its own data directory, stopped by pid (also when a test fails).
public final class NoidaBroker {
    public let bootstrapServers: String
    private let process: Process
    private let dataDir: URL

    /// The package root, found from this file's path.
    public static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    public static let venv = packageRoot.appendingPathComponent(".venv-kafka")

    /// Starts noida-db and waits (at most 30 s) until its port accepts connections.
    public init() throws {
        let port = try Self.freePort()
        dataDir = FileManager.default.temporaryDirectory.appendingPathComponent("noida-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dataDir, withIntermediateDirectories: true)
        process = Process()
        // The binary itself, not the venv's Python launcher: the launcher's child would outlive a
        // kill of the launcher's pid.
        process.executableURL = try Self.binary()
        process.arguments = ["start", "--host", "127.0.0.1", "--only", "kafka", "--kafka-port", "\(port)",
                             "--data-dir", dataDir.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        bootstrapServers = "127.0.0.1:\(port)"
        let deadline = Date().addingTimeInterval(30)
        while !Self.accepts(port: port) {
            guard Date() < deadline, process.isRunning else {
                stop()
                throw BrokerError(message: "noida-db did not listen on 127.0.0.1:\(port) within 30 s")
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    deinit { stop() }

    /// Stops the broker by its pid (it ignores SIGTERM while serving: SIGKILL after 2 s) and removes its data.
    public func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGTERM)
            let deadline = Date().addingTimeInterval(2)
            while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: dataDir)  // a leftover temp dir is harmless
    }

    /// kafka-python's admin view: topics' partition counts, `groups`' committed offsets and
    /// `configsOf` topics' own configs.
    public func oracle(groups: [String], configsOf: [String] = []) throws -> OracleView {
        let script = Self.packageRoot.appendingPathComponent("Tests/kafka/admin_oracle.py").path
        let python = Process()
        python.executableURL = Self.venv.appendingPathComponent("bin/python")
        python.arguments = [script, bootstrapServers] + groups.flatMap { ["--group", $0] } + configsOf.flatMap { ["--configs", $0] }
        let output = Pipe()
        python.standardOutput = output
        python.standardError = FileHandle.nullDevice
        try python.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        python.waitUntilExit()
        guard python.terminationStatus == 0 else { throw BrokerError(message: "admin_oracle.py exited \(python.terminationStatus)") }
        return try JSONDecoder().decode(OracleView.self, from: data)
    }

    /// What the oracle reports.
    public struct OracleView: Decodable, Equatable, Sendable {
        public var topics: [String: Int]
        public var groups: [String: [String: Int64]]
        /// Per topic asked for, the configs set on the topic itself (DescribeConfigs).
        public var configs: [String: [String: String]]
    }

    public struct BrokerError: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// A port nothing listens on now (bound to 127.0.0.1:0, then released).
    public static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw BrokerError(message: "socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw BrokerError(message: "could not bind 127.0.0.1:0") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Whether something accepts TCP connections on 127.0.0.1:`port`.
    public static func accepts(port: Int) -> Bool {
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

    /// Whether the venv with noida-db is there (made by `Tests/kafka/setup.sh`).
    public static var isInstalled: Bool { (try? binary()) != nil }  // nil: not installed, which the tests' #require reports

    /// The noida-db executable the wheel ships (`.venv-kafka/lib/python3.*/site-packages/noida_db/noida-db`).
    static func binary() throws -> URL {
        let lib = venv.appendingPathComponent("lib")
        let pythons = (try? FileManager.default.contentsOfDirectory(atPath: lib.path)) ?? []  // no venv: nothing found below
        for python in pythons.sorted() where python.hasPrefix("python") {
            let candidate = lib.appendingPathComponent("\(python)/site-packages/noida_db/noida-db")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw BrokerError(message: "noida-db is not installed in \(venv.path) (run Tests/kafka/setup.sh)")
    }
}
