import Scenario
import StreamLog
import Testing

@testable import Simulation

/// What the log refuses or cannot report is said, never dropped: a refused append, a failed
/// fetch of a batch job and a group the log cannot describe each give one feed line, a summary
/// warning with its count, and (for the group) a row that says why it is empty.
struct LogProblemTests {
    /// A backend that refuses appends to `orders`, fetches and offsets of `payments`, and
    /// describing group `slow`.
    final class RefusingLog: BackendSeamTests.WallClockLog {
        override func appender(topic: String) throws(StreamLogError) -> any RecordAppender {
            guard topic != "orders" else { throw .unknownTopic(topic) }
            return try inner.appender(topic: topic)
        }
        override func fetch(_ partition: TopicPartition, from offset: Int64, maxRecords: Int) throws(StreamLogError) -> [Record] {
            guard partition.topic != "payments" else { throw .unknownPartition(topic: "payments", partition: 9, partitionCount: 1) }
            return try inner.fetch(partition, from: offset, maxRecords: maxRecords)
        }
        override func group(_ group: String) throws(StreamLogError) -> GroupSnapshot {
            guard group != "slow" else { throw .unknownGroup(group) }
            return try inner.group(group)
        }
    }

    static let scenario = """
        scenario: 1
        id: refused
        title: Refused
        seed: 7
        topics:
          orders: { partitions: 2 }
          payments: { partitions: 1 }
          report: { partitions: 1 }
        producers:
          web:
            topic: orders
            rate: { constant: 10 }
            record: { n: { seq: "{n}" } }
          pay:
            topic: payments
            rate: { constant: 10 }
            record: { card: { pick: [a, b] } }
        groups:
          fast: { topic: payments, members: 1 }
          slow: { topic: payments, members: 1 }
        batch:
          nightly:
            from: payments
            every: 2s
            runtime: 1s
            group_by: card
            agg: [count]
            to: report
        script:
          - id: one
            say: Run.
        """

    @Test func refusedAppendsFailedFetchesAndAnUnreportedGroupAreSaidOnceAndCounted() throws {
        let spec = try ScenarioLoader.parse(yaml: Self.scenario, file: "refused.yaml")
        let engine = try Engine(scenario: spec, backend: { RefusingLog(random: $0) })
        engine.run(untilMs: 5_000)

        let lines = engine.feed.entries.compactMap { entry -> String? in
            switch entry.kind {
            case .topic(_, let text), .group(_, let text): text
            default: nil
            }
        }
        let refused = "appends to orders refused: UNKNOWN_TOPIC_OR_PARTITION: topic 'orders' does not exist."
        let fetch = "batch nightly: fetch from payments-0 failed: UNKNOWN_TOPIC_OR_PARTITION: payments-9 does not exist (topic has 1 partitions)."
        let slow = "slow: no lag: GROUP_ID_NOT_FOUND: Consumer group 'slow' does not exist."
        #expect(lines.filter { $0 == refused }.count == 1)
        #expect(lines.filter { $0 == fetch }.count == 1)
        #expect(lines.filter { $0 == slow }.count == 1)

        let status = try #require(engine.snapshot().groups.first { $0.name == "slow" })
        #expect(status.unreported == "GROUP_ID_NOT_FOUND: Consumer group 'slow' does not exist.")
        #expect(status.membership.members.isEmpty && status.lag.status == .notFound)
        #expect(engine.snapshot().groups.map(\.name) == ["fast", "slow"])
        #expect(engine.producers.first { $0.spec.name == "web" }?.produced == 0)

        let summary = RunSummary.text(engine, wallSeconds: nil)
        #expect(summary.contains("\nwarnings — what the log refused or could not report:\n"))
        // The producer's ticks at 10/s: one refusal counted per tick it had records for.
        #expect(summary.contains("• \(refused) ("))
        #expect(summary.contains("• \(fetch) (2×)"))
        #expect(summary.contains("• \(slow) ("))
        #expect(summary.contains("slow  ") && summary.contains("NOT REPORTED"))
    }

    @Test func aRunTheLogServesWithoutRefusalHasNoWarnings() throws {
        let spec = try ScenarioLoader.parse(yaml: Self.scenario, file: "refused.yaml")
        let engine = try Engine(scenario: spec)
        engine.run(untilMs: 5_000)
        #expect(!RunSummary.text(engine, wallSeconds: nil).contains("what the log refused"))
        #expect(engine.snapshot().groups.allSatisfy { $0.unreported == nil })
    }
}
