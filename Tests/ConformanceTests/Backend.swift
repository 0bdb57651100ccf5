import ClusterBackend
import Foundation
import RdKafka
import StreamLog
import Testing

/// A backend the conformance suite runs against: every test takes one. A new backend joins by
/// being added to `all` and passing the suite.
///
/// Most tests drive the log on a simulated clock (`make`): a backend without simulated time
/// (`capabilities.simulatedTime` false, a real cluster) has those cases cancelled with the reason
/// in the test output. Tests of what holds on any clock — placement, commits, the assignors'
/// outcomes, lag arithmetic — use `fixture`, which every backend offers.
struct Backend: Sendable, CustomTestStringConvertible {
    let name: String
    let capabilities: BackendCapabilities
    /// A log with `topic` of `partitions` partitions, ready to use, and what keeps it alive.
    let makeFixture: @Sendable (_ topic: String, _ partitions: Int) throws -> Fixture
    /// Nil for a backend without simulated time.
    private let makeLog: (@Sendable (SeededRandom, LogSettings) -> any StreamLogBackend)?

    var testDescription: String { name }

    /// A log for a test on the simulated clock; cancels this case (with why) on a backend whose
    /// time is the wall clock.
    func make(_ random: SeededRandom, _ settings: LogSettings) throws -> any StreamLogBackend {
        guard capabilities.simulatedTime, let makeLog else {
            let reason = "\(name): \(Test.current?.name ?? "this test") not run: it drives a simulated clock, and a cluster's time is the wall clock"
            print("conformance: \(reason)")  // the console shows a cancelled case as passed: say why here
            try Test.cancel(Comment(rawValue: reason))
        }
        return makeLog(random, settings)
    }

    /// A log with one topic for a test that holds on any clock (see `Fixture`).
    func fixture(topic: String = "orders", partitions: Int) throws -> Fixture { try makeFixture(topic, partitions) }

    static let inProcess = Backend(
        name: "in-process", capabilities: BackendCapabilities(simulatedTime: true, deterministic: true),
        makeFixture: { topic, partitions in
            let log = InProcessLog(random: SeededRandom(seed: 1))
            try log.createTopic(topic, config: TopicConfig(partitions: partitions))
            return Fixture(log: log, keepAlive: nil)
        },
        makeLog: { InProcessLog(random: $0, settings: $1) })

    /// A `ClusterLog` on librdkafka's in-process mock cluster (one broker on loopback).
    static let mockCluster = Backend(
        name: "mock cluster", capabilities: BackendCapabilities(simulatedTime: false, deterministic: false),
        makeFixture: { topic, partitions in
            let cluster = try MockCluster(brokers: 1)
            try cluster.createTopic("streamstage." + topic, partitions: partitions)  // the mock answers no CreateTopics
            let settings = ClusterSettings(bootstrapServers: cluster.bootstrapServers, startEpochMs: Int64(Date().timeIntervalSince1970 * 1000))
            let log = try ClusterLog(settings: settings, random: SeededRandom(seed: 1))
            try log.createTopic(topic, config: TopicConfig(partitions: partitions))
            return Fixture(log: log, keepAlive: cluster)
        },
        makeLog: nil)

    /// Every backend the suite holds to Kafka's semantics.
    static let all: [Backend] = [.inProcess, .mockCluster]
}
