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

    /// A topic's sampling state for a run of offers at one rate (within one tick); hand it back
    /// with `finish(_:)`. Offering through it is the same as calling `offer` for each record.
    func sampler(topic: String, topicRate: Double) -> FeedSampler {
        let every = max(1, Int((topicRate / Self.recordsPerSecondShown).rounded(.up)))
        return FeedSampler(topic: topic, every: every, seen: skipped[topic, default: every - 1])
    }

    /// Stores the sampler's position for the next offers to the topic.
    mutating func finish(_ sampler: FeedSampler) {
        skipped[sampler.topic] = sampler.seen
    }

    /// Adds the line of a record its sampler kept, its key and value shown by `FeedText`
    /// (a JSON value with its doubles readable).
    mutating func keep(
        topic: String, partition: Int, offset: Int64, key: UnsafeRawBufferPointer?, value: UnsafeRawBufferPointer,
        sampleOf every: Int, nowMs: Int64
    ) {
        append(FeedEntry(timeMs: nowMs, kind: .record(
            topic: topic, partition: partition, offset: offset, key: key.map(FeedText.text),
            payload: FeedText.payload(value), sampleOf: every)))
    }

    /// Adds the line of a record a Kafka client produced, naming the client (its `client.id`).
    mutating func keepClientRecord(
        topic: String, partition: Int, offset: Int64, key: UnsafeRawBufferPointer?, value: UnsafeRawBufferPointer, client: String,
        sampleOf every: Int, nowMs: Int64
    ) {
        append(FeedEntry(timeMs: nowMs, kind: .clientRecord(
            topic: topic, partition: partition, offset: offset, key: key.map(FeedText.text), payload: FeedText.payload(value),
            client: client, sampleOf: every)))
    }

    /// Adds an event line.
    mutating func append(_ entry: FeedEntry) {
        entries.append(entry)
        if entries.count > Self.capacity { entries.removeFirst(entries.count - Self.capacity) }
    }
}

/// Which records of one topic the feed keeps: one in `every`, counting across ticks.
struct FeedSampler {
    let topic: String
    /// Keep one record in this many.
    let every: Int
    /// Records passed over since the last one kept.
    private(set) var seen: Int

    init(topic: String, every: Int, seen: Int) {
        self.topic = topic
        self.every = every
        self.seen = seen
    }

    /// Whether the next record counted will be kept.
    var keepsNextOffer: Bool { seen + 1 >= every }

    /// Counts a record; true when it is the one to keep.
    mutating func keepsNext() -> Bool {
        seen += 1
        guard seen >= every else { return false }
        seen = 0
        return true
    }
}
