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
    /// Written only by this class's methods, none of which calls out while writing: no runtime
    /// exclusivity check.
    @exclusivity(unchecked) var entries: [TopicPartition: Entry] = [:]

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
        // In place through its index: one hash of the partition, no copy of its rate window.
        var found = entries.index(forKey: partition)
        if found == nil {
            entries[partition] = entry(partition)
            found = entries.index(forKey: partition)
        }
        guard let index = found else { return 0 }
        let last = offset + Int64(count) - 1
        let duplicates = max(0, min(last, entries.values[index].highestDelivered) - offset + 1)
        entries.values[index].delivered += Int64(count)
        entries.values[index].duplicates += duplicates
        entries.values[index].highestDelivered = max(entries.values[index].highestDelivered, last)
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
        // In place: a copied entry would share its window's samples and copy them on write.
        for index in entries.values.indices {
            entries.values[index].consumeRate.record(entries.values[index].highestDelivered + 1, atMs: nowMs)
        }
    }

    /// The deliveries as the lag monitor reads them.
    var deliveries: [TopicPartition: PartitionDeliveries] {
        entries.mapValues { PartitionDeliveries(delivered: $0.delivered, duplicates: $0.duplicates, consumeRate: $0.consumeRate.perSecond) }
    }
}
