import StreamLog

/// What a group's consumers were handed, per partition: delivered records, at-least-once
/// duplicates, and the rate at which the delivered frontier advances. Client-side knowledge,
/// shared by the members of one group.
final class DeliveryLedger {
    struct Entry {
        /// The highest offset ever handed out (-1 before any; lowered by a deliberate rewind).
        var highestDelivered: Int64 = -1
        var delivered: Int64 = 0
        var duplicates: Int64 = 0
        var consumeRate: RateWindow
    }

    let settings: LogSettings
    var entries: [TopicPartition: Entry] = [:]

    init(settings: LogSettings = LogSettings()) {
        self.settings = settings
    }

    private func entry(_ partition: TopicPartition) -> Entry {
        entries[partition] ?? Entry(consumeRate: RateWindow(windowMs: settings.rateWindowMs, sampleEveryMs: settings.rateSampleMs))
    }

    /// Starts tracking `partitions` (a commit touched them).
    func touch<Partitions: Sequence<TopicPartition>>(_ partitions: Partitions) {
        for partition in partitions where entries[partition] == nil { entries[partition] = entry(partition) }
    }

    /// Counts `count` records delivered from `offset`; returns how many were duplicates (at or
    /// below the highest offset delivered before).
    func note(_ partition: TopicPartition, from offset: Int64, count: Int) -> Int64 {
        var entry = entry(partition)
        let last = offset + Int64(count) - 1
        let duplicates = max(0, min(last, entry.highestDelivered) - offset + 1)
        entry.delivered += Int64(count)
        entry.duplicates += duplicates
        entry.highestDelivered = max(entry.highestDelivered, last)
        entries[partition] = entry
        return duplicates
    }

    /// Forgets what was handed out at or after `offsets`, so reading it again after a deliberate
    /// rewind (`--reset-offsets`) is a replay, not an at-least-once duplicate.
    func forget(from offsets: [TopicPartition: Int64]) {
        for (partition, offset) in offsets {
            var entry = entry(partition)
            entry.highestDelivered = min(entry.highestDelivered, offset - 1)
            entries[partition] = entry
        }
    }

    /// Samples every tracked partition's delivered frontier for the consume rate.
    func sample(nowMs: Int64) {
        for (partition, var entry) in entries {
            entry.consumeRate.record(entry.highestDelivered + 1, atMs: nowMs)
            entries[partition] = entry
        }
    }

    /// The deliveries as the lag monitor reads them.
    var deliveries: [TopicPartition: PartitionDeliveries] {
        entries.mapValues { PartitionDeliveries(delivered: $0.delivered, duplicates: $0.duplicates, consumeRate: $0.consumeRate.perSecond) }
    }
}
