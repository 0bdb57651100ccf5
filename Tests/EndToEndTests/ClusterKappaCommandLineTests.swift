import Foundation
import KafkaTestSupport
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
