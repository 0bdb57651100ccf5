import RdKafka
import StreamLog

/// One scenario topic on the cluster and its local read replica.
///
/// `mirror` holds the records read back from the cluster, at the cluster's offsets less `base`
/// (the partition's log-end offset when the run started), so members fetch real records by
/// offset without each reading the cluster themselves.
final class ClusterTopic {
    /// The name in the scenario.
    let name: String
    /// The name on the cluster (with the prefix).
    let clusterName: String
    let partitionCount: Int
    let mirror: Topic
    /// Per partition: the cluster offset of the mirror's offset 0.
    var base: [Int64]
    /// Per partition: the offset the next produced record will get (if nobody else writes).
    var nextOffset: [Int64]
    /// Per partition: (offset, engine ms) of produced records, at most one a tick — what lag in
    /// seconds counts from.
    var appendTimes: [[(offset: Int64, ms: Int64)]]
    /// The partition the next keyless record goes to.
    var keylessCursor = 0
    /// Whether this run created it (else it was reused).
    let created: Bool

    init(name: String, clusterName: String, config: TopicConfig, ends: [Int64], created: Bool, random: SeededRandom)
        throws(StreamLogError)
    {
        self.name = name
        self.clusterName = clusterName
        partitionCount = config.partitions
        var local = config
        // The replica keeps what the cluster would, bounded so a long run stays in memory.
        local.retentionRecords = min(config.retentionRecords ?? Self.replicaRecords, Self.replicaRecords)
        local.segmentRecords = min(local.segmentRecords, Self.replicaRecords / 4)
        mirror = try Topic(name: name, config: local, random: random)
        base = ends
        nextOffset = ends
        appendTimes = Array(repeating: [], count: config.partitions)
        self.created = created
    }

    /// The most records per partition the replica keeps.
    static let replicaRecords = 200_000

    /// Notes that `offset` of `partition` was produced at `nowMs` (once a tick is enough).
    func noteAppend(partition: Int, offset: Int64, nowMs: Int64) {
        if let last = appendTimes[partition].last, last.ms == nowMs { return }
        appendTimes[partition].append((offset, nowMs))
        if appendTimes[partition].count > Self.appendTimeSamples {
            appendTimes[partition].removeFirst(Self.appendTimeSamples / 2)
        }
    }

    /// The most append-time samples a partition keeps.
    static let appendTimeSamples = 20_000

    /// When `offset` was produced: the time of the newest sample at or before it.
    func appendTime(partition: Int, offset: Int64) -> Int64? {
        let samples = appendTimes[partition]
        guard let first = samples.first, offset >= first.offset else { return samples.first?.ms }
        var low = 0
        var high = samples.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if samples[mid].offset <= offset { low = mid } else { high = mid - 1 }
        }
        return samples[low].ms
    }
}
