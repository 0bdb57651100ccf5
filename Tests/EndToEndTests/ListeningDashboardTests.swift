import Foundation
import Testing

/// `run --listen` in tmux: a real Kafka client (kcat) produces into the dashboard's world.
@Suite(.serialized)
struct ListeningDashboardTests {
    /// Runs kcat to completion (bounded), `input` on its standard input; returns its exit status.
    static func kcat(_ arguments: [String], input: String) throws -> Int32 {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("streamstage-kcat-\(UUID().uuidString)")
        try input.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/kcat")
        process.arguments = arguments
        process.standardInput = try FileHandle(forReadingFrom: file)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return -1
        }
        return process.terminationStatus
    }

    /// The topic's records-per-second figure in the Throughput panel (`123/s`).
    static func rate(of topic: String, in screen: String) -> Int? {
        guard let line = screen.split(separator: "\n").first(where: { $0.contains("│\(topic) ") && $0.contains("/s") }),
              let panel = line.split(separator: "│").last(where: { $0.hasPrefix(topic + " ") }) else { return nil }
        let words = panel.split(separator: " ")
        return words.first { $0.hasSuffix("/s") && !$0.contains("B/s") }.flatMap { Int($0.dropLast(2)) }
    }

    @Test func kcatProducesAndTheFeedShowsItsRecordsAndTheThroughputMoves() throws {
        let session = try LiveDashboardTests.start(["consumer-groups-101", "--listen", "127.0.0.1:0"], cols: 140, rows: 40)
        defer { session.kill() }
        let first = try session.waitForText(" clients ", timeout: .seconds(20))
        let header = try #require(first.split(separator: "\n").first)
        let address = try #require(header.split(separator: " ").first { $0.hasPrefix("127.0.0.1:") })
        #expect(header.contains("kafka \(address) · 0 clients"))
        let before = try session.waitUntil(timeout: .seconds(10), "a steady payments rate") { Self.rate(of: "payments", in: $0) == 120 }
        #expect(Self.rate(of: "payments", in: before) == 120)
        let lines = (1...200).map { "{\"from\":\"kcat\",\"n\":\($0)}" }.joined(separator: "\n") + "\n"
        #expect(try Self.kcat(["-b", String(address), "-P", "-t", "payments", "-X", "client.id=second-pane"], input: lines) == 0)
        let after = try session.waitForText("from second-pane", timeout: .seconds(10))
        #expect(after.contains("{\"from\":\"kcat\",\"n\":"))
        try session.waitUntil(timeout: .seconds(10), "payments above its own 120/s") { (Self.rate(of: "payments", in: $0) ?? 0) > 120 }
        try session.sendKeys("p")
        try session.waitForText("cannot go back while Kafka clients may be reading")
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test func aPortInUseIsAMessageAndExitCode2BeforeTheDashboard() throws {
        let session = try LiveDashboardTests.start(["consumer-groups-101", "--listen", "127.0.0.1:0"], cols: 140, rows: 40)
        defer { session.kill() }
        let screen = try session.waitForText(" clients ", timeout: .seconds(20))
        let address = try #require(screen.split(separator: "\n").first?.split(separator: " ").first { $0.hasPrefix("127.0.0.1:") })
        let second = try Binary.run(["run", "consumer-groups-101", "--listen", String(address)])
        #expect(second.status == 2)
        #expect(second.err == "streamstage: cannot listen on \(address): the port is in use (another broker, or another streamstage?)\n")
        let serve = try Binary.run(["serve", "--listen", "localhost:99999"])
        #expect(serve.status == 2)
        #expect(serve.err == "streamstage: --listen 'localhost:99999': '99999' is not a port number (0 to 65535); expected [HOST:]PORT, e.g. 9092 or 127.0.0.1:9092\n")
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
    }
}
