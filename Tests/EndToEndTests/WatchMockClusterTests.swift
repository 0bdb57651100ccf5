import Foundation
import Glibc
import RdKafka
import Testing

/// `streamstage watch` in tmux against librdkafka's mock cluster (three brokers on loopback
/// ports in this test process): the header follows a broker going down and coming back, and the
/// keys, the too-small screen, the recording's markers and SIGTERM behave as in scenario runs.
@Suite(.serialized)
struct WatchMockClusterTests {
    static func start(_ cluster: MockCluster, cols: Int = 120, rows: Int = 40, extra: [String] = []) throws -> TmuxSession {
        try TmuxSession.start([Binary.path, "watch", "--bootstrap-servers", cluster.bootstrapServers] + extra, cols: cols, rows: rows)
    }

    @Test func aBrokerDownShowsInTheHeaderAndTheWatchRecovers() throws {
        let cluster = try MockCluster(brokers: 3)
        try cluster.createTopic("orders", partitions: 6)
        let session = try Self.start(cluster)
        defer { session.kill() }
        try session.waitForText("brokers 3/3 up", timeout: .seconds(20))
        try session.waitForText("orders[6]", timeout: .seconds(10))
        try cluster.setDown(broker: 2)
        try session.waitForText("brokers 2/3 up (1 DOWN)", timeout: .seconds(20))
        try session.waitForText("broker 2 (", timeout: .seconds(5))
        try cluster.setUp(broker: 2)
        try session.waitForText("brokers 3/3 up", timeout: .seconds(30))
        try session.waitForText("is up again", timeout: .seconds(5))
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
        #expect(try session.terminalState() == .init(alternateScreen: false, cursorVisible: true))
    }

    @Test func helpTooSmallAndQuitAsInScenarioRuns() throws {
        let cluster = try MockCluster(brokers: 1)
        try cluster.createTopic("orders", partitions: 1)
        let session = try Self.start(cluster)
        defer { session.kill() }
        try session.waitForText("brokers 1/1 up", timeout: .seconds(20))
        try session.sendKeys("?")
        let help = try session.waitForText("marker in the recording")
        #expect(!help.contains("next step"))  // the watch's keys only: no steps to drive
        try session.sendKeys("Escape")
        try session.resize(cols: 60, rows: 20)
        try session.waitForText("Terminal too small")
        try session.resize(cols: 80, rows: 24)
        try session.waitForText("brokers 1/1 up")
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
        #expect(try session.terminalState() == .init(alternateScreen: false, cursorVisible: true))
    }

    @Test func sigtermEndsAsSignalledWithTheTerminalRestoredAndTheMarkersRecorded() throws {
        let cluster = try MockCluster(brokers: 1)
        try cluster.createTopic("orders", partitions: 1)
        let cast = FileManager.default.temporaryDirectory.appendingPathComponent("watch-\(UUID().uuidString).cast")
        defer { try? FileManager.default.removeItem(at: cast) }
        let session = try Self.start(cluster, extra: ["--record", cast.path])
        defer { session.kill() }
        try session.waitForText("REC", timeout: .seconds(20))
        try session.sendKeys("m")
        try session.sendKeys("m")
        try session.waitForText("brokers 1/1 up")
        kill(try session.pid(), SIGTERM)
        #expect(try session.waitForExit() == 128 + Int(SIGTERM))
        #expect(try session.terminalState() == .init(alternateScreen: false, cursorVisible: true))
        let lines = try String(contentsOf: cast, encoding: .utf8).split(separator: "\n")
        #expect(lines.filter { $0.contains("\"m\"") }.map { $0.split(separator: ",").last ?? "" } == ["\"mark 1\"]", "\"mark 2\"]"])
    }
}
