import Scenario
import StreamLog
import Testing

@testable import Simulation

/// The engine runs on whatever conforms to `StreamLogBackend`, and asks it before offering what
/// needs simulated time.
struct BackendSeamTests {
    /// The in-process log behind a wall-clock backend's capabilities, forwarding every call.
    class WallClockLog: StreamLogBackend {
        let inner: InProcessLog
        required init(random: SeededRandom) { inner = InProcessLog(random: random) }

        var capabilities: BackendCapabilities { BackendCapabilities(simulatedTime: false, deterministic: false) }
        func createTopic(_ name: String, config: TopicConfig) throws(StreamLogError) { try inner.createTopic(name, config: config) }
        var topicNames: [String] { inner.topicNames }
        func offsets(topic: String) throws(StreamLogError) -> [PartitionOffsets] { try inner.offsets(topic: topic) }
        func appendTime(_ partition: TopicPartition, at offset: Int64) -> Int64? { inner.appendTime(partition, at: offset) }
        func alterRetention(topic: String, timeMs: Int64?, bytes: Int?, records: Int?) throws(StreamLogError) {
            try inner.alterRetention(topic: topic, timeMs: timeMs, bytes: bytes, records: records)
        }
        func resetOffsets(group: String, topics: [String], to target: OffsetResetTarget, nowMs: Int64)
            throws(StreamLogError) -> [TopicPartition: Int64]
        {
            try inner.resetOffsets(group: group, topics: topics, to: target, nowMs: nowMs)
        }
        func appender(topic: String) throws(StreamLogError) -> any RecordAppender { try inner.appender(topic: topic) }
        func produce(
            topic: String, key: String?, value: Value, headers: [Header], timestamp: Int64, sizeInBytes: Int?, partition: Int?,
            nowMs: Int64
        ) throws(StreamLogError) -> RecordMetadata {
            try inner.produce(
                topic: topic, key: key, value: value, headers: headers, timestamp: timestamp, sizeInBytes: sizeInBytes,
                partition: partition, nowMs: nowMs)
        }
        func appendBatch(to partition: TopicPartition, _ records: UnsafeBufferPointer<BorrowedRecord>, nowMs: Int64)
            throws(StreamLogError) -> BatchAppend
        {
            try inner.appendBatch(to: partition, records, nowMs: nowMs)
        }
        func fetch(_ partition: TopicPartition, from offset: Int64, maxRecords: Int) throws(StreamLogError) -> [Record] {
            try inner.fetch(partition, from: offset, maxRecords: maxRecords)
        }
        func fetch(
            _ partition: TopicPartition, from offset: Int64, maxRecords: Int, each body: (RecordBatch) -> Void
        ) throws(StreamLogError) -> Int {
            try inner.fetch(partition, from: offset, maxRecords: maxRecords, each: body)
        }
        func joinGroup(
            _ group: String, memberId: String?, options: ConsumerOptions, ownedPartitions: [TopicPartition],
            client: GroupMemberClient?, nowMs: Int64
        ) throws(StreamLogError) -> String {
            try inner.joinGroup(group, memberId: memberId, options: options, ownedPartitions: ownedPartitions, client: client, nowMs: nowMs)
        }
        func syncGroup(_ group: String, memberId: String, generation: Int, assignment: [String: [TopicPartition]]?)
            throws(StreamLogError)
        {
            try inner.syncGroup(group, memberId: memberId, generation: generation, assignment: assignment)
        }
        func heartbeat(_ group: String, memberId: String, generation: Int, nowMs: Int64) throws(StreamLogError) {
            try inner.heartbeat(group, memberId: memberId, generation: generation, nowMs: nowMs)
        }
        func leaveGroup(_ group: String, memberId: String, nowMs: Int64) throws(StreamLogError) {
            try inner.leaveGroup(group, memberId: memberId, nowMs: nowMs)
        }
        func commitOffsets(
            _ group: String, memberId: String, generation: Int, offsets: [TopicPartition: Int64], nowMs: Int64
        ) throws(StreamLogError) {
            try inner.commitOffsets(group, memberId: memberId, generation: generation, offsets: offsets, nowMs: nowMs)
        }
        func committedOffsets(group: String) throws(StreamLogError) -> [TopicPartition: CommittedOffset] {
            try inner.committedOffsets(group: group)
        }
        var groupNames: [String] { inner.groupNames }
        func group(_ group: String) throws(StreamLogError) -> GroupSnapshot { try inner.group(group) }
        func tick(nowMs: Int64) { inner.tick(nowMs: nowMs) }
        func drainEvents() -> [StreamEvent] { inner.drainEvents() }
        func report(_ event: StreamEvent) { inner.report(event) }
    }

    @Test func theEngineRunsOnAnotherConformerAndItsGroupsLookTheSame() throws {
        let spec = try ScenarioLoader.parse(yaml: EngineTests.orders, file: "mini.yaml")
        let inProcess = try Engine(scenario: spec)
        let wrapped = try Engine(scenario: spec, backend: { WallClockLog(random: $0) })
        inProcess.run(untilMs: 8_000)
        wrapped.run(untilMs: 8_000)
        #expect(wrapped.log is WallClockLog)
        #expect(wrapped.snapshot().groups == inProcess.snapshot().groups)
        #expect(wrapped.describe(group: "fast") == inProcess.describe(group: "fast"))
    }

    @Test func previousStepIsRefusedWhenTheBackendCannotResimulate() throws {
        let spec = try ScenarioLoader.parse(yaml: EngineTests.orders, file: "mini.yaml")
        let engine = try Engine(scenario: spec, backend: { WallClockLog(random: $0) })
        engine.run(untilMs: 1_000)
        engine.apply(.nextStep)
        let error = #expect(throws: EngineError.self) { try engine.rewound(toStep: 0) }
        #expect(error?.description == "this log cannot go back: previous step needs simulated time and a deterministic log")
        #expect(try Engine(scenario: spec).rewound(toStep: 0).tick == 0)
    }
}
