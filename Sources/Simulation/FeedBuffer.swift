import DequeModule
import StreamLog

/// The most recent feed entries, with records sampled so the feed stays readable at any rate.
///
/// Each topic shows at most `recordsPerSecondShown` records per second: at higher rates one
/// record in N is kept, and its line says "1 of N". Events are always kept.
struct FeedBuffer {
    static let capacity = 400
    static let recordsPerSecondShown = 8.0

    private(set) var entries = Deque<FeedEntry>()
    private var skipped: [String: Int] = [:]

    /// Offers a record; keeps it if the topic's sampling interval says so.
    mutating func offer(topic: String, metadata: RecordMetadata, key: String?, value: Value, topicRate: Double, nowMs: Int64) {
        let every = max(1, Int((topicRate / Self.recordsPerSecondShown).rounded(.up)))
        let seen = skipped[topic, default: every - 1] + 1
        guard seen >= every else {
            skipped[topic] = seen
            return
        }
        skipped[topic] = 0
        append(FeedEntry(timeMs: nowMs, kind: .record(
            topic: topic, partition: metadata.topicPartition.partition, offset: metadata.offset, key: key,
            payload: value.json, sampleOf: every)))
    }

    /// Adds an event line.
    mutating func append(_ entry: FeedEntry) {
        entries.append(entry)
        if entries.count > Self.capacity { entries.removeFirst(entries.count - Self.capacity) }
    }
}
