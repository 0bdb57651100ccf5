import Foundation
import Testing

/// `streamstage watch` against noida-db with real clients: kcat producing, kafka-python members
/// consuming slower than it, kafka-python's admin client as the oracle for lag.
@Suite(.serialized)
struct WatchNoidaTests {
    /// The group rows of an `--export-metrics` CSV: (time, lag, lag seconds, members).
    static func groupRows(_ csv: String, group: String) -> [(time: Double, lag: Int64, lagSeconds: Double, members: Int)] {
        csv.split(separator: "\n").dropFirst().compactMap { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 15, fields[1] == "group", fields[2] == group, let time = Double(fields[0]), let lag = Int64(fields[7]),
                  let seconds = Double(fields[8]), let members = Int(fields[11]) else { return nil }
            return (time, lag, seconds, members)
        }
    }

    @Test func theCSVLagIsKafkaPythonsLagAndTheSampledConsumerMadeNoGroup() throws {
        let broker = try WatchBroker()
        defer { broker.stop() }
        try broker.produce("orders", count: 3_000, size: 50)
        // ≤ 100 records/s for 5 s, then it leaves: the lag stops moving while the watch still samples.
        try broker.startMember(group: "payments", topic: "orders", secondsPerRecord: 0.01, lifetime: 5)
        let csv = FileManager.default.temporaryDirectory.appendingPathComponent("watch-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: csv) }
        let run = try Binary.run(["watch", "--bootstrap-servers", broker.bootstrapServers, "--headless", "--duration", "12s",
                                  "--export-metrics", csv.path])
        #expect(run.status == 0, "\(run.err)")
        let oracle = try broker.oracleLag(group: "payments")
        let rows = Self.groupRows(try String(contentsOf: csv, encoding: .utf8), group: "payments")
        let last = try #require(rows.last)
        #expect(oracle.partitions["orders-0"]?.end == 3_000)
        #expect(oracle.lag > 0 && oracle.lag < 3_000)
        #expect(last.lag == oracle.lag)
        // The record at the commit was produced before the watch began: at least its 12 s ago.
        #expect(last.lagSeconds >= 10 && last.lagSeconds < 120)
        #expect(last.members == 0)
        // While the member read, the lag fell: the CSV saw it move, not one frozen value.
        #expect(Set(rows.map(\.lag)).count > 2)
        #expect(rows.map(\.lag).max().map { $0 > last.lag } == true)
        // No group of the watch's own: the oracle's cluster lists only the member's group.
        #expect(oracle.groups == ["payments"])
    }

    @Test func theScreenShowsTheLagARebalanceAndTheRatio() throws {
        let broker = try WatchBroker()
        defer { broker.stop() }
        try broker.produce("orders", count: 5_000, size: 50)
        try broker.produce("firewall", count: 1, size: 100)
        try broker.produce("siem", count: 1, size: 40)
        try broker.startMember(group: "payments", topic: "orders", secondsPerRecord: 0.01, lifetime: 90)
        let session = try TmuxSession.start([Binary.path, "watch", "--bootstrap-servers", broker.bootstrapServers,
                                             "--ratio", "firewall:siem"], cols: 120, rows: 40)
        defer { session.kill() }
        try session.waitForText("siem keeps - % of firewall's bytes", timeout: .seconds(20))  // two lines at 120×40
        // The lag on screen against the oracle's, read right after: the member reads ≤ 100 records/s
        // and nothing is produced meanwhile, so they differ by at most what it read in between
        // (the sample's age, ≤ 1 s, plus the oracle's own run, ≤ 2 s).
        let screen = try session.waitUntil(timeout: .seconds(10), "a lag in msgs") { (Self.screenLag($0) ?? 0) > 0 }
        let oracle = try broker.oracleLag(group: "payments")
        let shown = try #require(Self.screenLag(screen))
        #expect(shown >= oracle.lag && shown - oracle.lag <= 300, "screen \(shown), oracle \(oracle.lag)")
        // A second member (orders has one partition: it gets none): the group rebalances, and the feed says so.
        try broker.startMember(group: "payments", topic: "orders", secondsPerRecord: 0.01, lifetime: 90, waitForPartitions: false)
        try session.waitForText("rebalance: 1 member → 2, joined payments-py", timeout: .seconds(20))
        // 1 000 records of 100 bytes into firewall, 100 of 40 bytes into siem, in bursts the
        // sampler reads sizes from: siem keeps 4 % of the bytes and 10 % of the records.
        for _ in 0..<5 {
            try broker.produce("firewall", count: 200, size: 100)
            try broker.produce("siem", count: 20, size: 40)
            Thread.sleep(forTimeInterval: 0.5)
        }
        let ratio = try session.waitForText("siem keeps 4.0 % of firewall's bytes", timeout: .seconds(15))
        #expect(ratio.contains("and 10.0 % of its records"))
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test func aTLSHandshakeThatFailsIsOneMessageAndExit2() throws {
        let broker = try WatchBroker()
        defer { broker.stop() }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("watch-\(UUID().uuidString).properties")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("security.protocol=SSL\n".utf8).write(to: file)  // noida-db listens in plaintext
        let run = try Binary.run(["watch", "--bootstrap-servers", broker.bootstrapServers, "--kafka-config", file.path])
        #expect(run.status == 2)
        #expect(run.err.hasPrefix("streamstage: cannot watch \(broker.bootstrapServers): the TLS handshake failed (ssl://"))
        #expect(run.out.isEmpty)
    }

    /// The first group's lag in the lag panel (`payments OK ███ 1 234 msgs 5.2 s`).
    static func screenLag(_ screen: String) -> Int64? {
        guard let line = screen.split(separator: "\n").first(where: { $0.contains("│payments") && $0.contains(" msgs") }),
              let range = line.range(of: " msgs") else { return nil }
        let before = line[..<range.lowerBound].reversed().prefix { $0.isNumber || $0 == " " }
        return Int64(String(before.reversed()).replacingOccurrences(of: " ", with: ""))
    }
}
