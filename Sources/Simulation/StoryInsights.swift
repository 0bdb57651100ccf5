import StreamLog

/// What the engine measures while it runs so a headless summary can state a talk's point in
/// numbers: per-key order, replays, stop-the-world pauses, hot partitions and first records.
struct StoryInsights {
    /// Per-key order of the groups that declare an `order_key`, by group name.
    var ordering: [String: OrderTracker] = [:]
    /// Consumers that began reading from the earliest offset after the run started, in order.
    var replays: [Replay] = []
    /// Partition ownership of every consumer group, by group name.
    var stalls: [String: StallTracker] = [:]
    /// Groups whose membership or assignment may be changing: their ownership is checked every
    /// tick until they are stable again (a new group starts here; any group event puts it back).
    var unsettled: Set<String> = []
    /// The most lopsided moment of each group's per-partition lag, by group name.
    var skew: [String: PartitionSkew] = [:]
    /// When each topic received its first record.
    var firstRecordMs: [String: Int64] = [:]
    /// Producers a script action started after the run began, with the time it did.
    var producerStarts: [(name: String, atMs: Int64)] = []
    /// When script or presenter actions started, stopped or re-rated a producer.
    var producerChangesMs: [Int64] = []
    /// Groups a script action added, with the time it did.
    var addedGroups: [(name: String, atMs: Int64)] = []
    /// The `show:` values of each step as it ended, by step index (the latest time it ended).
    var shownAtEnd: [Int: [ProofValue]] = [:]

    /// Counts a processed record against its group's per-key order.
    mutating func noteProcessed(_ record: ConsumerRecord, by group: String) {
        guard !ordering.isEmpty, var tracker = ordering[group] else { return }
        tracker.note(record.record)
        ordering[group] = tracker
    }
}

/// Per-key order as one consumer group saw it.
///
/// A record is out of order when a record with the same key value and a later timestamp was
/// processed before it. Records of one key on one partition arrive in offset order, so a keyed
/// producer never trips it; a keyless one spreads a key over partitions read at different paces.
struct OrderTracker {
    /// The record field that names the key; the record key when the field is missing.
    let field: String
    private(set) var outOfOrder: Int64 = 0
    private(set) var checked: Int64 = 0
    private var newest: [String: Int64] = [:]

    init(field: String) {
        self.field = field
    }

    mutating func note(_ record: Record) {
        guard let key = record.value.value(atPath: field)?.text ?? record.key else { return }
        checked += 1
        if let seen = newest[key], record.timestamp < seen {
            outOfOrder += 1
        } else {
            newest[key] = record.timestamp
        }
    }
}

/// A consumer reading a topic's history from the earliest offset while the world runs on.
struct Replay {
    let consumer: String
    let startMs: Int64
    /// Records still in the log when it started: what it has to get through to catch up.
    let history: Int64
    /// Records retention had deleted before it started: a replay can never see them.
    let missed: Int64
    let processedAtStart: Int64
    /// The other consumers of the same topics and how much each had processed at the start.
    let othersAtStart: [(name: String, processed: Int64)]
    /// When it had processed all of `history`; nil while it is still replaying.
    var caughtUpMs: Int64?
    /// What the other consumers processed while it replayed.
    var othersDuring: [(name: String, processed: Int64)] = []
}

/// How often, and for how long, a group stopped consuming because no live member owned a
/// partition (an eager rebalance revokes everything; a cooperative one never does).
struct StallTracker {
    let strategy: String
    private(set) var everOwned = false
    private(set) var generation = 0
    /// Rebalances completed after the group first owned partitions.
    private(set) var rebalances = 0
    /// Lengths of the pauses, ms.
    private(set) var pauses: [Int64] = []
    private var pauseStartMs: Int64?

    init(strategy: String) {
        self.strategy = strategy
    }

    /// Records one tick's ownership: `owning` = some live member owns a partition.
    mutating func observe(owning: Bool, liveMembers: Int, generation current: Int, nowMs: Int64) {
        if everOwned, current > generation { rebalances += current - generation }
        generation = current
        if owning {
            if let start = pauseStartMs { pauses.append(nowMs - start) }
            pauseStartMs = nil
            everOwned = true
        } else if everOwned, liveMembers > 0, pauseStartMs == nil {
            pauseStartMs = nowMs
        }
    }

    /// The longest pause, ms (0 when consumption never stopped).
    var longestPauseMs: Int64 { pauses.max() ?? 0 }

    /// All pauses so far, ms, counting one still going on at `nowMs`.
    func stoppedMs(nowMs: Int64) -> Int64 {
        pauses.reduce(0, +) + (pauseStartMs.map { nowMs - $0 } ?? 0)
    }
}

/// A group's hottest partition at the moment it was hottest, against all the others.
struct PartitionSkew {
    var atMs: Int64
    var partition: TopicPartition
    var owner: String?
    var lag: Int64
    /// The highest lag of any other partition at that moment.
    var othersMaxLag: Int64
    var otherPartitions: Int
}
