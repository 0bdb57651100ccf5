import Glibc
import RdKafka
import StreamLog

/// StreamLog's partition name (RdKafka has one of its own).
public typealias LogPartition = StreamLog.TopicPartition
/// RdKafka's partition name.
public typealias KafkaPartition = RdKafka.TopicPartition

/// A real Kafka cluster behind the backend seam, reached through librdkafka.
///
/// - Topics are created on the cluster with the scenario's partitions and retention (names
///   prefixed), or reused when they exist with the same partition count.
/// - Produced records go to the cluster through one librdkafka producer; the partition of a keyed
///   record is Kafka's murmur2 (what `partitioner=murmur2_random` gives), chosen here so the
///   engine knows it at once.
/// - One reader (assigned every partition, no group) reads the records back into a local replica,
///   from which members fetch by offset.
/// - Every group member is a real consumer in a real consumer group: librdkafka's assignors and
///   rebalances decide who owns what, commits go to the cluster; a killed member vanishes without
///   leaving, so the group waits out its session timeout.
/// - Broker faults arrive as librdkafka error events and statistics (every client's, once a
///   second) and show as `clusterFault` events.
///
/// Owned by one thread (the engine's): every call, `tick` included, comes from it. librdkafka's
/// own threads reach this object only through the locked `EventInbox` and `DeliveryTally`.
public final class ClusterLog: StreamLogBackend {
    public var capabilities: BackendCapabilities { BackendCapabilities(simulatedTime: false, deterministic: false) }

    let settings: ClusterSettings
    let admin: KafkaAdmin
    let producer: KafkaProducer
    let reader: KafkaConsumer
    let background = EventInbox()
    let deliveries = DeliveryTally()
    var random: SeededRandom
    var topics: [String: ClusterTopic] = [:]
    public internal(set) var topicNames: [String] = []
    var groups: [String: ClusterGroup] = [:]
    public internal(set) var groupNames: [String] = []
    /// Partition counts of the topics that existed when the run connected.
    let existingTopics: [String: Int]
    var events: [StreamEvent] = []
    /// The fault being shown, until the cluster answers again.
    public private(set) var fault: LogFault?
    /// The time of the last tick that ended with no fault: when the figures were last fresh.
    var lastAnsweredMs: Int64 = 0
    /// Set once `finish` ran: every client is closed.
    var finished = false
    /// The brokers' connection states from every client's statistics.
    var brokers = BrokerStates()
    /// Whether statistics arrived this tick (recovery is judged only on fresh statistics).
    var statisticsRead = false
    /// The first refusal (an ACL denial, rejected credentials) that stopped setting up a topic,
    /// redacted: the cause to tell the presenter instead of the failed step.
    public private(set) var refusal: KafkaError?

    /// `host:port,…` the run connected to.
    public var bootstrapServers: String { settings.bootstrapServers }

    /// Connects to the cluster (within `settings.timeoutMs`) and reads its topics; throws what
    /// stopped it, naming the cause (unreachable, authentication, TLS, configuration).
    public init(settings: ClusterSettings, random: SeededRandom) throws(KafkaError) {
        self.settings = settings
        self.random = random
        let inbox = background
        let tally = deliveries
        admin = try KafkaAdmin(config: settings.clientConfig(), timeoutMs: settings.timeoutMs, onEvent: { inbox.append($0) })
        do {
            existingTopics = try Self.firstMetadata(admin.client, inbox: inbox, settings: settings)
        } catch {
            admin.close()
            throw error
        }
        do {
            producer = try KafkaProducer(
                config: settings.clientConfig([
                    "partitioner": "murmur2_random", "linger.ms": "5", "statistics.interval.ms": "1000", "queue.buffering.max.messages": "1000000",
                    "queue.buffering.max.kbytes": "1048576",
                ]),
                onEvent: { inbox.append($0) }, onDelivery: { tally.note($0) })
            reader = try KafkaConsumer(
                config: settings.clientConfig([
                    "group.id": settings.prefix + "streamstage-replica", "enable.auto.commit": "false",
                    "enable.partition.eof": "false", "fetch.wait.max.ms": "20", "statistics.interval.ms": "1000",
                ]),
                onEvent: { inbox.append($0) })
        } catch {
            admin.close()
            throw error
        }
    }

    /// The cluster's topics, asked once a second until `settings.timeoutMs`; an authentication or
    /// TLS failure ends the wait at once, every broker refusing connections after 3 s.
    static func firstMetadata(_ client: KafkaClient, inbox: EventInbox, settings: ClusterSettings) throws(KafkaError)
        -> [String: Int]
    {
        var waitedMs: Int32 = 0
        var seen: [KafkaEvent] = []
        while true {
            do {
                return try client.partitionCounts(timeoutMs: 1_000)
            } catch {
                waitedMs += 1_000
                seen += inbox.take()
                let cause = Self.cause(of: error, among: seen, config: settings.config)
                let fatal = cause.kind == .authentication || cause.kind == .tls || cause.kind == .configuration
                    || (cause.kind == .unreachable && waitedMs >= 3_000)
                if fatal || waitedMs >= settings.timeoutMs { throw cause }
            }
        }
    }

    /// The most specific cause: an authentication or TLS error event beats the timeout it led to.
    static func cause(of error: KafkaError, among events: [KafkaEvent], config: KafkaConfig) -> KafkaError {
        let reported = events.compactMap { event -> KafkaError? in
            if case .error(let error, _) = event { return error }
            return nil
        }
        let best = reported.first { $0.kind == .authentication } ?? reported.first { $0.kind == .tls }
            ?? (error.kind == .timedOut || error.kind == .other ? reported.first { $0.kind == .unreachable } : nil) ?? error
        return KafkaError(code: best.code, message: config.redact(best.message))
    }

    /// Closes every client: members leave, the producer flushes what it can within 5 s.
    public func close() {
        _ = finish(deleting: false)
    }

    /// Ends the run on the cluster: members leave, the producer flushes (at most 5 s); with
    /// `deleting`, the groups and the topics this run created are deleted. Returns the summary
    /// lines: what was deleted, or what is left on the cluster, and any failure.
    public func finish(deleting: Bool) -> [String] {
        guard !finished else { return [] }
        finished = true
        var lines: [String] = []
        let longestSessionMs = groupNames.compactMap { groups[$0] }.flatMap(\.members).map(\.options.sessionTimeoutMs).max() ?? 0
        for name in groupNames { groups[name]?.closeAll() }
        do {
            try producer.flush(timeoutMs: 5_000)
        } catch {
            lines.append("cluster: \(producer.outstanding) records not delivered at the end: \(settings.config.redact(error.description))")
        }
        producer.close()
        reader.close()
        let groupIds = groupNames.map { settings.prefix + $0 }
        let created = topicNames.compactMap { topics[$0] }.filter(\.created).map(\.clusterName)
        let reused = topicNames.compactMap { topics[$0] }.filter { !$0.created }.map(\.clusterName)
        if deleting {
            do {
                if !groupIds.isEmpty { try deleteGroupsOnceEmpty(groupIds, longestSessionMs: longestSessionMs) }
                if !created.isEmpty { try admin.deleteTopics(created) }
                lines.append("cluster: deleted groups \(Self.listing(groupIds)) and topics \(Self.listing(created))")
            } catch {
                lines.append("cluster: cleanup failed: \(settings.config.redact(error.description))")
            }
        } else {
            lines.append("cluster: left in place: topics \(Self.listing(created)) (created), \(Self.listing(reused)) (reused); "
                         + "groups \(Self.listing(groupIds)) (--cleanup deletes what the run created)")
        }
        admin.close()
        return lines
    }

    /// Deletes `groupIds`; a broker that has not yet removed the members that just left answers
    /// NON_EMPTY_GROUP, so that answer is retried every 250 ms until the longest session has
    /// timed out and 10 s more (a member closed mid-join never sends its LeaveGroup: the broker
    /// drops it only when its session runs out).
    private func deleteGroupsOnceEmpty(_ groupIds: [String], longestSessionMs: Int64) throws(KafkaError) {
        var attempts = Int((longestSessionMs + 10_000) / 250)
        while true {
            do {
                return try admin.deleteGroups(groupIds)
            } catch where error.isGroupNotEmpty && attempts > 0 {
                attempts -= 1
                usleep(250_000)
            }
        }
    }

    private static func listing(_ names: [String]) -> String { names.isEmpty ? "none" : names.joined(separator: ", ") }

    // MARK: Admin

    public func createTopic(_ name: String, config: TopicConfig) throws(StreamLogError) {
        guard topics[name] == nil else { throw .topicAlreadyExists(name) }
        guard config.partitions >= 1 else { throw .invalidPartitionCount(topic: name, count: config.partitions) }
        let clusterName = settings.prefix + name
        var created = false
        if let existing = existingTopics[clusterName] {
            guard existing == config.partitions else {
                throw .invalidArgument(
                    "topic '\(clusterName)' exists on the cluster with \(existing) partitions, the scenario has "
                        + "\(config.partitions): delete it, or run with another --prefix")
            }
        } else {
            var configs: [String: String] = ["retention.ms": config.retentionMs.map(String.init) ?? "-1"]
            if let bytes = config.retentionBytes { configs["retention.bytes"] = String(bytes) }
            do {
                try admin.createTopics([NewTopic(name: clusterName, partitions: config.partitions, configs: configs)])
                created = true
            } catch {
                guard error.kind == .topicExists else {
                    noteRefusal(error)
                    throw .invalidArgument("topic '\(clusterName)': \(error)")
                }
            }
        }
        let ends = try endOffsets(clusterName, partitions: config.partitions)
        let topic: ClusterTopic
        do {
            topic = try ClusterTopic(name: name, clusterName: clusterName, config: config, ends: ends, created: created,
                                     random: random.fork("replica:" + name))
        }
        topics[name] = topic
        topicNames.append(name)
        try readAllTopics()
    }

    /// Each partition's log-end offset now (where the replica starts).
    private func endOffsets(_ clusterName: String, partitions: Int) throws(StreamLogError) -> [Int64] {
        var ends: [Int64] = []
        for partition in 0..<partitions {
            do {
                ends.append(try admin.client.watermarks(KafkaPartition(clusterName, Int32(partition)), timeoutMs: settings.timeoutMs).high)
            } catch {
                noteRefusal(error)
                throw .invalidArgument("topic '\(clusterName)' partition \(partition): \(error)")
            }
        }
        return ends
    }

    /// Keeps `error` as the run's refusal when it is the first ACL denial or credentials refusal.
    private func noteRefusal(_ error: KafkaError) {
        guard refusal == nil, error.kind == .authorization || error.kind == .authentication else { return }
        refusal = KafkaError(code: error.code, message: settings.config.redact(error.message))
    }

    public func offsets(topic name: String) throws(StreamLogError) -> [PartitionOffsets] {
        guard let topic = topics[name] else { throw .unknownTopic(name) }
        return topic.mirror.partitions.enumerated().map { index, partition in
            let base = topic.base[index]
            let seen = reader.client.cachedWatermarks(KafkaPartition(topic.clusterName, Int32(index))).high
            let end = max(seen, base + partition.logEndOffset)
            return PartitionOffsets(topicPartition: LogPartition(name, index), logStartOffset: base + partition.logStartOffset,
                                    logEndOffset: end)
        }
    }

    public func appendTime(_ partition: LogPartition, at offset: Int64) -> Int64? {
        guard let topic = topics[partition.topic], partition.partition < topic.partitionCount else { return nil }
        return topic.appendTime(partition: partition.partition, offset: offset)
    }

    // MARK: Observe

    public func tick(nowMs: Int64) {
        readBack(nowMs: nowMs)
        for name in groupNames { groups[name]?.serve(nowMs: nowMs, log: self) }
        noteBackground(nowMs: nowMs)
        if fault == nil { lastAnsweredMs = nowMs }
    }

    public func drainEvents() -> [StreamEvent] {
        defer { events = [] }
        return events
    }

    public func report(_ event: StreamEvent) {
        if case .memberCrashed(let group, let memberId) = event { groups[group]?.vanish(memberId) }
        events.append(event)
    }

    /// Turns error events and delivery failures into one fault at a time; when this tick's
    /// statistics show no client with a broker connection in trouble and records are
    /// delivered, a recovery.
    private func noteBackground(nowMs: Int64) {
        let counts = deliveries.take()
        for event in background.take() {
            switch event {
            case .error(let error, _): fail(error)
            case .statistics(let json): noteStatistics(json, nowMs: nowMs)
            case .assigned, .revoked, .committed: break
            }
        }
        if let failure = counts.firstFailure { fail(failure) }
        let fresh = statisticsRead
        statisticsRead = false
        if let shown = fault, fresh, brokers.allUp, counts.failed == 0 {
            events.append(.clusterRecovered("every broker in use answers again (after: \(shown.message))"))
            brokers.settle()
            fault = nil
        }
    }

    /// Reads one client's statistics (the producer's, the reader's or a member's): a broker it
    /// had up and lost is a fault; one back for every client is said while a fault is shown.
    func noteStatistics(_ json: String, nowMs: Int64) {
        statisticsRead = true
        let (down, back) = brokers.read(json, nowMs: nowMs)
        for name in down { fail(KafkaError(code: -195, message: "broker \(name) is down")) }
        for name in back where fault != nil { events.append(.clusterRecovered("broker \(name) is up again")) }
    }

    /// Reports `error` unless the same fault is already shown; the figures stay stale since the
    /// first fault's last fresh tick until the cluster answers again.
    func fail(_ error: KafkaError) {
        let message = settings.config.redact(error.message)
        guard fault?.message != message else { return }
        fault = LogFault(message: message, sinceMs: fault?.sinceMs ?? lastAnsweredMs)
        events.append(.clusterFault(message))
    }
}
