import Foundation
import KafkaTestSupport
import Testing

/// `streamstage watch`'s bad input: one message saying what, where and what was expected, exit
/// code 2, before the screen switches.
struct WatchCommandLineTests {
    static func watch(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        try Binary.run(["watch"] + arguments)
    }

    @Test func anUnreachableClusterIsOneMessageBeforeTheScreenSwitches() throws {
        let port = try NoidaBroker.freePort()
        let session = try TmuxSession.start([Binary.path, "watch", "--bootstrap-servers", "127.0.0.1:\(port)"], cols: 100, rows: 30)
        defer { session.kill() }
        #expect(try session.waitForExit(timeout: .seconds(20)) == 2)
        let screen = try session.capture()
        #expect(screen.contains("streamstage: cannot watch 127.0.0.1:\(port): no broker answered within 5 s ("))
        #expect(try session.terminalState() == .init(alternateScreen: false, cursorVisible: true))
    }

    @Test(arguments: [
        (["--bootstrap-servers", "kafka-1"],
         "streamstage: --bootstrap-servers 'kafka-1': expected HOST:PORT[,HOST:PORT…] with ports 1 to 65535, found 'kafka-1'\n"),
        (["--bootstrap-servers", "a:9092,b:0"],
         "streamstage: --bootstrap-servers 'a:9092,b:0': expected HOST:PORT[,HOST:PORT…] with ports 1 to 65535, found 'b:0'\n"),
        (["--bootstrap-servers", "a:9092", "--ratio", "firewall"],
         "streamstage: --ratio 'firewall': expected IN:OUT, two topic names, e.g. firewall:siem\n"),
        (["--bootstrap-servers", "a:9092", "--export-metrics", "m.csv"],
         "streamstage: --export-metrics and --duration need --headless (a live watch runs until q)\n"),
        (["--bootstrap-servers", "a:9092", "--headless"],
         "streamstage: --headless needs --duration (e.g. --duration 60s): a headless watch must end by itself\n"),
        (["--bootstrap-servers", "a:9092", "--kafka-config", "/nonexistent/client.properties"],
         "streamstage: --kafka-config /nonexistent/client.properties: cannot read the file\n"),
    ])
    func badArgumentsAreOneLineAndExit2(arguments: [String], message: String) throws {
        let run = try Self.watch(arguments)
        #expect(run.status == 2)
        #expect(run.err == message)
        #expect(run.out.isEmpty)
    }

    @Test func aPatternThatIsNotARegularExpressionSaysWhich() throws {
        let run = try Self.watch(["--bootstrap-servers", "a:9092", "--topics", "orders("])
        #expect(run.status == 2)
        #expect(run.err.hasPrefix("streamstage: --topics 'orders(': not a regular expression ("))
    }

    @Test func aPropertiesFileIsCheckedByLineAndNeverEchoesASecret() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("watch-\(UUID().uuidString).properties")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("# Confluent Cloud\nsasl.password=hunter2\nsecurity.protocol\n".utf8).write(to: file)
        let malformed = try Self.watch(["--bootstrap-servers", "a:9092", "--kafka-config", file.path])
        #expect(malformed.status == 2)
        #expect(malformed.err == "streamstage: --kafka-config \(file.path):3: expected key=value, found no '='\n")
        try Data("sasl.password=hunter2\nsecurity.protocol=carrier-pigeon\n".utf8).write(to: file)
        let invalid = try Self.watch(["--bootstrap-servers", "a:9092", "--kafka-config", file.path])
        #expect(invalid.status == 2)
        #expect(invalid.err.hasPrefix("streamstage: cannot watch a:9092: \(file.path):2: "))
        #expect(!invalid.err.contains("hunter2"))
    }
}
