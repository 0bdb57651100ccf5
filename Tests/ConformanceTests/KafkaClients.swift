@testable import Simulation
import StreamLog

/// A backend with what a test drives it through: consumer clients (joined, polled, committed,
/// crashed and left by member id), the lag monitor and the admin calls, on one simulated clock.
/// Only `StreamLogBackend` is used, so every backend is driven the same way.
final class KafkaClients {
    let backend: any StreamLogBackend
    let monitor: LagMonitor
    private var clients: [String: ConsumerClient] = [:]
    private var ledgers: [String: DeliveryLedger] = [:]
    private var resetPolicies: [String: OffsetResetPolicy] = [:]

    convenience init(_ factory: Backend, random: SeededRandom, settings: LogSettings = LogSettings()) throws {
        try self.init(factory.make(random, settings), settings: settings)
    }

    /// Clients of a log already made (a fixture's).
    init(_ backend: any StreamLogBackend, settings: LogSettings = LogSettings()) {
        self.backend = backend
        monitor = LagMonitor(backend: backend, settings: settings)
    }

    func createTopic(_ name: String, config: TopicConfig) throws(StreamLogError) {
        try backend.createTopic(name, config: config)
    }

    /// The backend's background work, the monitor's and ledgers' samples, then every live
    /// client's heartbeat (rejoining when asked), as the engine orders a tick.
    func tick(nowMs: Int64) {
        backend.tick(nowMs: nowMs)
        monitor.sample(nowMs: nowMs)
        for ledger in ledgers.values { ledger.sample(nowMs: nowMs) }
        for client in clients.values.sorted(by: { $0.memberId < $1.memberId }) where !client.crashed {
            try? client.heartbeat(nowMs: nowMs)
        }
    }

    /// A new consumer joins `group`; returns its member id.
    func joinGroup(_ group: String, options: ConsumerOptions, nowMs: Int64) throws(StreamLogError) -> String {
        let ledger = ledgers[group] ?? DeliveryLedger()
        let client = ConsumerClient(group: group, options: options, backend: backend, ledger: ledger, nowMs: nowMs)
        let id = try client.join(nowMs: nowMs)
        ledgers[group] = ledger
        resetPolicies[group] = options.autoOffsetReset
        clients[id] = client
        return id
    }

    private func client(_ group: String, _ memberId: String) throws(StreamLogError) -> ConsumerClient {
        _ = try backend.group(group)
        guard let client = clients[memberId], client.group == group else { throw .unknownMember(group: group, memberId: memberId) }
        return client
    }

    func poll(_ group: String, memberId: String, maxRecords: Int, nowMs: Int64) throws(StreamLogError) -> [ConsumerRecord] {
        var records: [ConsumerRecord] = []
        _ = try client(group, memberId).poll(maxRecords: maxRecords, nowMs: nowMs) { partition, run in
            for record in run { records.append(ConsumerRecord(topicPartition: partition, record: record.record)) }
        }
        return records
    }

    /// commitSync: `offsets` (nil: the positions) under `generation` (nil: the client's own).
    func commit(
        _ group: String, memberId: String, offsets: [TopicPartition: Int64]? = nil, generation: Int? = nil, nowMs: Int64
    ) throws(StreamLogError) {
        let client = try client(group, memberId)
        guard let generation else { return try client.commitSync(offsets, nowMs: nowMs) }
        try backend.commitOffsets(group, memberId: memberId, generation: generation, offsets: offsets ?? client.positions, nowMs: nowMs)
    }

    func crashMember(_ group: String, memberId: String) throws(StreamLogError) {
        try client(group, memberId).crash()
    }

    func leaveGroup(_ group: String, memberId: String, nowMs: Int64) throws(StreamLogError) {
        try client(group, memberId).leave(nowMs: nowMs)
    }

    /// DescribeGroups, with the members this process crashed marked as such.
    func group(_ group: String) throws(StreamLogError) -> GroupSnapshot {
        var snapshot = try backend.group(group)
        for index in snapshot.members.indices where clients[snapshot.members[index].memberId]?.crashed == true {
            snapshot.members[index].isCrashed = true
        }
        return snapshot
    }

    /// The consumers' side of a group's lag.
    func progress(_ group: String) -> ConsumerProgress {
        var positions: [String: [TopicPartition: Int64]] = [:]
        for (id, client) in clients where client.group == group { positions[id] = client.positions }
        return ConsumerProgress(
            positions: positions, resetPolicy: resetPolicies[group] ?? .latest, deliveries: ledgers[group]?.deliveries ?? [:])
    }

    func lag(group: String, nowMs: Int64) throws(StreamLogError) -> GroupLag {
        try monitor.lag(group: group, consumers: progress(group), nowMs: nowMs)
    }

    func describe(group: String, nowMs: Int64) -> GroupDescription {
        monitor.describe(group: group, consumers: progress(group), nowMs: nowMs)
    }

    /// `--reset-offsets`: the admin call, and the ledger forgets what lies past the new offsets.
    func resetOffsets(group: String, topics: [String], to target: OffsetResetTarget, nowMs: Int64)
        throws(StreamLogError) -> [TopicPartition: Int64]
    {
        let offsets = try backend.resetOffsets(group: group, topics: topics, to: target, nowMs: nowMs)
        ledgers[group]?.forget(from: offsets)
        return offsets
    }

    func produce(
        topic: String, key: String?, value: Value, headers: [Header] = [], timestamp: Int64, sizeInBytes: Int? = nil,
        partition: Int? = nil, nowMs: Int64
    ) throws(StreamLogError) -> RecordMetadata {
        try backend.produce(
            topic: topic, key: key, value: value, headers: headers, timestamp: timestamp, sizeInBytes: sizeInBytes,
            partition: partition, nowMs: nowMs)
    }

    func fetch(_ partition: TopicPartition, from offset: Int64, maxRecords: Int) throws(StreamLogError) -> [Record] {
        try backend.fetch(partition, from: offset, maxRecords: maxRecords)
    }

    func offsets(topic: String) throws(StreamLogError) -> [PartitionOffsets] {
        try backend.offsets(topic: topic)
    }

    func drainEvents() -> [StreamEvent] { backend.drainEvents() }
}
