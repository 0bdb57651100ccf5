import Foundation
import KafkaTestSupport
import RdKafka
import Testing

/// `streamstage run … --kafka-config` on librdkafka's mock cluster (its brokers listen on
/// loopback, so the binary reaches them like any cluster): secrets stay out of everything the
/// run writes, and bad input is one message and exit code 2.
@Suite(.serialized) struct ClusterCommandLineTests {
    static let secret = "hunter2-never-shown"

    static let scenario = """
        scenario: 1
        id: cluster-cli
        title: Cluster CLI
        seed: 7
        topics:
          orders: { partitions: 3 }
        producers:
          web:
            topic: orders
            key: customer
            rate: { constant: 50 }
            record:
              customer: { pick: { range: [1, 20] }, format: "c-{:02}" }
        groups:
          billing: { topic: orders, members: 1, process: { per_record: 1ms }, commit: per_batch, start: earliest, session_timeout: 6s }
        script:
          - id: one
            say: Run.
            advance: { after: 4s }
        """

    /// A folder with the scenario and a properties file for `bootstrap` that carries a password.
    static func files(bootstrap: String, extraLine: String = "") throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cluster-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try scenario.write(to: folder.appendingPathComponent("cluster-cli.yaml"), atomically: true, encoding: .utf8)
        let properties = """
            # a demo cluster
            bootstrap.servers=\(bootstrap)
            sasl.username=presenter
            sasl.password=\(secret)
            \(extraLine)
            """
        try properties.write(to: folder.appendingPathComponent("client.properties"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func thePasswordAppearsInNoOutputExportOrJournal() throws {
        let cluster = try MockCluster(brokers: 1)
        try cluster.createTopic("streamstage.orders", partitions: 3)  // the mock answers no CreateTopics
        let folder = try Self.files(bootstrap: cluster.bootstrapServers)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = { (name: String) in folder.appendingPathComponent(name).path }
        let run = try Binary.run([
            "run", path("cluster-cli.yaml"), "--headless", "--kafka-config", path("client.properties"),
            "--export-events", path("events.jsonl"), "--export-metrics", path("metrics.csv"), "--journal", path("run.journal"),
        ])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("cluster: left in place: topics none (created), streamstage.orders (reused); groups streamstage.billing"))
        let events = try String(contentsOfFile: path("events.jsonl"), encoding: .utf8)
        #expect(events.split(separator: "\n").count == 200)  // 50/s for 4 s, every record produced to the cluster
        for written in [run.out, run.err, events, try String(contentsOfFile: path("metrics.csv"), encoding: .utf8),
                        try String(contentsOfFile: path("run.journal"), encoding: .utf8)] {
            #expect(!written.contains(Self.secret))
        }
    }

    @Test func aHeadlessClusterRunRecordsWhatTheDashboardWouldHaveDrawn() throws {
        let cluster = try MockCluster(brokers: 1)
        try cluster.createTopic("streamstage.orders", partitions: 3)
        let folder = try Self.files(bootstrap: cluster.bootstrapServers)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = { (name: String) in folder.appendingPathComponent(name).path }
        let run = try Binary.run([
            "run", path("cluster-cli.yaml"), "--headless", "--kafka-config", path("client.properties"), "--record", path("talk.cast"),
            "--size", "100x30",
        ])
        #expect(run.status == 0, "\(run.err)")
        let recorded = try String(contentsOfFile: path("talk.cast"), encoding: .utf8)
        #expect(!recorded.contains(Self.secret))
        // The oracle: pyte replays the cast; its last screen is the run's end on the cluster.
        let setup = try Binary.runTool("/bin/bash", [Binary.packageRoot.appendingPathComponent("Tests/oracle/setup.sh").path])
        #expect(setup.status == 0, "Tests/oracle/setup.sh: \(setup.err)")
        let screens = try Binary.runTool(
            Binary.packageRoot.appendingPathComponent(".venv-oracle/bin/python").path,
            [Binary.packageRoot.appendingPathComponent("Tests/oracle/screen.py").path, path("talk.cast")])
        #expect(screens.status == 0, "screen.py: \(screens.err)")
        let last = try #require(screens.out.split(separator: "\n").last)
        let end = try #require(try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])
        let display = try #require(end["display"] as? [String])
        #expect(end["at"] as? String == "end")
        #expect(display.count == 30)
        #expect(display[0].contains("Cluster CLI"))
        #expect(display[0].contains("00:04.0"))  // 4 s of the cluster's (wall) time
        #expect(display.contains { $0.contains("billing") && $0.contains("msgs") })
        #expect(display.contains { $0.contains("assigned") })  // the real group's assignment in the feed
    }

    @Test func theLiveDashboardAndItsCastShowNoPasswordAndSpeedStaysAtOne() throws {
        let cluster = try MockCluster(brokers: 1)
        try cluster.createTopic("streamstage.orders", partitions: 3)
        let folder = try Self.files(bootstrap: cluster.bootstrapServers)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cast = folder.appendingPathComponent("talk.cast").path
        let session = try TmuxSession.start(
            [Binary.path, "run", folder.appendingPathComponent("cluster-cli.yaml").path, "--kafka-config",
             folder.appendingPathComponent("client.properties").path, "--record", cast],
            cols: 120, rows: 40)
        defer { session.kill() }
        try session.waitForText("REC", timeout: .seconds(20))
        _ = try session.waitForText("assigned", timeout: .seconds(20))  // the real group's assignment in the feed
        try session.sendKeys("+")
        let screen = try session.waitForText("speed stays ×1 on a cluster")
        #expect(!screen.contains(Self.secret))
        try session.sendKeys("q")
        #expect(try session.waitForExit(timeout: .seconds(20)) == 0)
        let after = try session.capture()
        #expect(after.contains("cluster: left in place"))
        let recorded = try String(contentsOfFile: cast, encoding: .utf8)
        #expect(recorded.contains("Cluster CLI"))
        for written in [after, recorded, try String(contentsOfFile: folder.appendingPathComponent("talk.journal").path, encoding: .utf8)] {
            #expect(!written.contains(Self.secret))
        }
    }

    @Test func unreachableBootstrapIsOneMessageAndExitCode2() throws {
        let port = try NoidaBroker.freePort()
        let folder = try Self.files(bootstrap: "127.0.0.1:\(port)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let started = Date()
        let run = try Binary.run(["run", folder.appendingPathComponent("cluster-cli.yaml").path, "--headless",
                                  "--kafka-config", folder.appendingPathComponent("client.properties").path])
        #expect(run.status == 2)
        #expect(Date().timeIntervalSince(started) < 15)
        #expect(run.out.isEmpty)
        #expect(run.err.hasPrefix("streamstage: cannot reach the Kafka cluster at 127.0.0.1:\(port): "))
        #expect(run.err.split(separator: "\n").count == 1)
        #expect(!run.err.contains(Self.secret))
    }

    @Test func malformedPropertyIsNamedByLineWithoutTheSecret() throws {
        let folder = try Self.files(bootstrap: "127.0.0.1:9", extraLine: "ssl.key.password \(Self.secret)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let properties = folder.appendingPathComponent("client.properties").path
        let run = try Binary.run(["run", folder.appendingPathComponent("cluster-cli.yaml").path, "--headless", "--kafka-config", properties])
        #expect(run.status == 2)
        #expect(run.err == "streamstage: --kafka-config \(properties):5: expected key=value, found no '='\n")
    }

    @Test func unknownPropertyIsNamedByLineWithoutTheSecret() throws {
        let folder = try Self.files(bootstrap: "127.0.0.1:9", extraLine: "sasl.pasword=\(Self.secret)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let properties = folder.appendingPathComponent("client.properties").path
        let run = try Binary.run(["run", folder.appendingPathComponent("cluster-cli.yaml").path, "--headless", "--kafka-config", properties])
        #expect(run.status == 2)
        #expect(run.err == "streamstage: bad Kafka client setting: \(properties):5: No such configuration property: \"sasl.pasword\"\n")
    }
}
