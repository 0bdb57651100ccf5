/// Lag computed above the backend, as Burrow or kafka-lag-exporter do from outside a cluster:
/// messages, exact seconds, rates, Burrow status and the describe table, from log-start and
/// log-end offsets, committed offsets with their commit samples, and append times — what any
/// backend reports — plus the consumers' own progress where the caller runs them.
///
///     let monitor = LagMonitor(backend: log)
///     log.tick(nowMs: now); monitor.sample(nowMs: now)     // once per tick: produce rates
///     let lag = try monitor.lag(group: "payments", consumers: progress, nowMs: now)
public final class LagMonitor {
    let backend: any StreamLogBackend
    let settings: LogSettings
    var produceRates: [TopicPartition: RateWindow] = [:]
    var nextSampleMs: Int64?

    /// A monitor of `backend`; `settings` gives the rate window and Burrow's rules.
    public init(backend: any StreamLogBackend, settings: LogSettings = LogSettings()) {
        self.backend = backend
        self.settings = settings
    }

    /// Samples every partition's log-end offset for the produce rates (at most once per sample interval).
    public func sample(nowMs: Int64) {
        if let next = nextSampleMs, nowMs < next { return }
        nextSampleMs = nowMs + settings.rateSampleMs
        for topic in backend.topicNames {
            guard let partitions = try? backend.offsets(topic: topic) else { continue }
            for partition in partitions {
                produceRates[partition.topicPartition, default: RateWindow(
                    windowMs: settings.rateWindowMs, sampleEveryMs: settings.rateSampleMs)]
                    .record(partition.logEndOffset, atMs: nowMs)
            }
        }
    }

    /// Lag, rates and Burrow status of a group; UNKNOWN_GROUP when the backend has no such group.
    public func lag(group name: String, consumers: ConsumerProgress, nowMs: Int64) throws(StreamLogError) -> GroupLag {
        let group = try backend.group(name)
        let committed = try backend.committedOffsets(group: name)
        var owners: [TopicPartition: String] = [:]
        for member in group.members { for partition in member.assignment { owners[partition] = member.memberId } }
        var rows: [PartitionLag] = []
        for partition in try tracked(group, committed: committed) {
            rows.append(partitionLag(partition, owner: owners[partition.topicPartition], committed: committed,
                                     consumers: consumers, nowMs: nowMs))
        }
        return GroupLag(
            group: name, state: group.state, generation: group.generation, partitions: rows,
            totalLag: rows.reduce(0) { $0 + ($1.lag ?? 0) },
            maxLag: rows.compactMap(\.lag).max(), maxLagMs: rows.compactMap(\.lagMs).max(),
            produceRate: rows.reduce(0) { $0 + $1.produceRate }, consumeRate: rows.reduce(0) { $0 + $1.consumeRate },
            status: Burrow.groupStatus(rows.map(\.status)), duplicates: rows.reduce(0) { $0 + $1.duplicates })
    }

    /// The partitions a group reads or has committed: every partition of the subscribed topics
    /// plus the committed ones, sorted, with their offsets.
    private func tracked(_ group: GroupSnapshot, committed: [TopicPartition: CommittedOffset]) throws(StreamLogError)
        -> [PartitionOffsets]
    {
        let subscribed = Set(group.members.flatMap(\.topics))
        var topics = subscribed
        for partition in committed.keys { topics.insert(partition.topic) }
        var tracked: [PartitionOffsets] = []
        for topic in topics {
            guard let offsets = try? backend.offsets(topic: topic) else { continue }
            tracked += offsets.filter { subscribed.contains(topic) || committed[$0.topicPartition] != nil }
        }
        return tracked.sorted { $0.topicPartition < $1.topicPartition }
    }

    private func partitionLag(
        _ offsets: PartitionOffsets, owner: String?, committed: [TopicPartition: CommittedOffset],
        consumers: ConsumerProgress, nowMs: Int64
    ) -> PartitionLag {
        let topicPartition = offsets.topicPartition
        let commit = committed[topicPartition]
        let logEnd = offsets.logEndOffset
        let position = owner.flatMap { consumers.positions[$0]?[topicPartition] }
        let readFrom = commit?.offset ?? startOffset(offsets, position: position, policy: consumers.resetPolicy)
        let lag = readFrom.map { logEnd - $0 }
        let window = commit?.commits ?? []
        let status = Burrow.partitionStatus(
            window: window, currentLag: max(0, lag ?? 0), nowMs: nowMs, allowedLag: settings.burrow.allowedLag)
        let deliveries = consumers.deliveries[topicPartition]
        return PartitionLag(
            topicPartition: topicPartition, logStartOffset: offsets.logStartOffset, logEndOffset: logEnd,
            committedOffset: commit?.offset, position: position, ownerMemberId: owner,
            lag: lag, lagMs: readFrom.map { lagMs(topicPartition, from: $0, logEnd: logEnd, nowMs: nowMs) },
            recordsLead: commit.map { $0.offset - offsets.logStartOffset },
            produceRate: produceRates[topicPartition]?.perSecond ?? 0, consumeRate: deliveries?.consumeRate ?? 0,
            status: status, commitWindow: window, delivered: deliveries?.delivered ?? 0,
            duplicates: deliveries?.duplicates ?? 0)
    }

    /// Where a group without a commit will read a partition from: the owner's position once it
    /// has one, else where `auto.offset.reset` starts (log-start for earliest, log-end for
    /// latest); nil under `none`, where the consumer would fail instead.
    private func startOffset(_ offsets: PartitionOffsets, position: Int64?, policy: OffsetResetPolicy) -> Int64? {
        if let position { return position }
        switch policy {
        case .earliest: return offsets.logStartOffset
        case .latest: return offsets.logEndOffset
        case .none: return nil
        }
    }

    /// Now minus the append time of the next record to consume (see `PartitionLag.lagMs`).
    private func lagMs(_ partition: TopicPartition, from offset: Int64, logEnd: Int64, nowMs: Int64) -> Int64 {
        guard offset < logEnd else { return 0 }
        return max(0, nowMs - (backend.appendTime(partition, at: offset) ?? nowMs))
    }
}
