import Foundation
import KafkaTestSupport
import RdKafka
import Testing

/// The kappa-replay talk headless on noida-db: retention is cut on the broker and the new group
/// replays from earliest after a reset, as on the in-process log (at ×1: about 2½ minutes).
@Suite(.serialized) struct ClusterKappaCommandLineTests {
    @Test func kappaReplayCompletesEveryStepAndItsReplayMissesWhatRetentionDeleted() throws {
        try #require(NoidaBroker.isInstalled, "run Tests/kafka/setup.sh to make .venv-kafka")
        let broker = try NoidaBroker()
        defer { broker.stop() }
        let run = try Binary.run(["run", "kappa-replay", "--headless", "--step-time", "1s", "--bootstrap-servers", broker.bootstrapServers])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("steps: 7/7 completed; every condition fired before its timeout"), "\(run.out)")
        let replays = run.out.split(separator: "\n").filter { $0.hasPrefix("• large-payments-v2 replayed ") }
        #expect(replays.count == 2, "\(run.out)")
        // The second replay, after the reset to earliest: it read what retention kept and missed the rest.
        let second = try #require(replays.last)
        let numbers = second.split(separator: " ").compactMap { Int($0) }
        #expect(second.contains("; the replay missed "), "\(second)")
        #expect(numbers.count >= 2 && numbers.allSatisfy { $0 > 0 }, "\(second)")
        // set_retention reached the broker: the topic's own configs read back with kafka-python.
        let configs = try broker.oracle(groups: [], configsOf: ["streamstage.payments"]).configs
        #expect(configs == ["streamstage.payments": ["retention.ms": "30000", "retention.bytes": "-1"]])
    }
}

/// A scenario whose clock runs faster than real time (kappa-replay's `speed: 2.0`) starts live on a
/// cluster at ×1 instead of refusing to start.
@Suite(.serialized) struct ClusterScenarioSpeedTests {
    @Test func aScenarioSetToSpeedTwoStartsLiveOnAClusterAtSpeedOne() throws {
        let cluster = try MockCluster(brokers: 1)
        try cluster.createTopic("streamstage.orders", partitions: 3)  // the mock answers no CreateTopics
        let folder = try ClusterCommandLineTests.files(bootstrap: cluster.bootstrapServers)
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = folder.appendingPathComponent("cluster-cli.yaml")
        let yaml = try String(contentsOf: scenario, encoding: .utf8).replacingOccurrences(of: "seed: 7\n", with: "seed: 7\nclock: { speed: 2.0 }\n")
        try yaml.write(to: scenario, atomically: true, encoding: .utf8)
        let session = try TmuxSession.start(
            [Binary.path, "run", scenario.path, "--kafka-config", folder.appendingPathComponent("client.properties").path],
            cols: 120, rows: 40)
        defer { session.kill() }
        _ = try session.waitForText("assigned", timeout: .seconds(20))  // the dashboard runs: the real group's assignment in the feed
        try session.sendKeys("+")
        _ = try session.waitForText("speed stays ×1 on a cluster")
        try session.sendKeys("q")
        #expect(try session.waitForExit(timeout: .seconds(20)) == 0)
    }
}
