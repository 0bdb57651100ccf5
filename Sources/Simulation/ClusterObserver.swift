import Scenario
import StreamLog

/// The pure model behind `streamstage watch`: turns periodic samples of a real cluster into the
/// `WorldSnapshot` the dashboard renders for scenario runs.
///
/// It keeps what one sample cannot say — rates from watermark deltas, record sizes from sampled
/// records, Burrow's commit windows, lag history and trend, the records read at committed
/// offsets — and turns what changed between samples into feed events (rebalances, groups gone,
/// topics deleted, brokers down). Time is the samples' wall-clock ms; nothing here reads a clock.
public final class ClusterObserver {
    public let selection: WatchSelection
    public let bootstrap: String

    /// Feed lines kept.
    public static let feedCapacity = 400
    /// Records per topic a sample adds to the feed at most (more are shown as 1 of N).
    public static let recordsShownPerSample = 8
    /// How long a record read at a committed offset stays good before the commit that moved past
    /// it asks for a new read.
    public static let committedRecordRefreshMs: Int64 = 5_000
    /// Most committed-offset reads asked for per sample.
    public static let committedReadsPerSample = 64

    var startMs: Int64?
    var nowMs: Int64 = 0
    var sampled = false
    var clusterId: String?
    var controllerId: Int?
    var brokers: [ClusterSample.Broker] = []
    var topics: [String: WatchedTopic] = [:]
    var groups: [String: FollowedGroup] = [:]
    /// The newest record read at or before each partition's commit.
    var committedRecords: [TopicPartition: CommittedRecord] = [:]
    var feed: [FeedEntry] = []
    var problem: String?

    /// What the observer remembers of a watched topic.
    struct WatchedTopic {
        var watermarks: [(low: Int64, high: Int64)?] = []
        var recordsPerSecond: Double = 0
        var bytesPerSecond: Double = 0
        var history: [Double] = []
        /// Records appended since the watch began.
        var totalRecords: Int64 = 0
        var sampledBytes: Int64 = 0
        var sampledRecords: Int64 = 0

        /// The mean size of the records read so far; nil before the first.
        var meanRecordSize: Double? { sampledRecords > 0 ? Double(sampledBytes) / Double(sampledRecords) : nil }

        /// Bytes appended since the watch began: the records times the mean size read so far
        /// (so records appended before the first one was read count too); nil before any was read.
        var totalBytes: Double? { meanRecordSize.map { Double(totalRecords) * $0 } }
    }

    /// What the observer remembers of a followed group.
    struct FollowedGroup {
        var description: ClusterSample.Group
        var windows: [TopicPartition: [CommitSample]] = [:]
        var consumeRates: [TopicPartition: Double] = [:]
        var consumedPerSecond: Double = 0
        var consumedHistory: [Double] = []
        var consumed: Int64 = 0
        var lagHistory: [Double] = []
        var trend = LagTrend(windowMs: 5_000)
    }

    /// A record read at (or before) a committed offset: its offset, timestamp and when it was read.
    struct CommittedRecord: Equatable {
        var offset: Int64
        var timestampMs: Int64
        var readAtMs: Int64
    }

    public init(bootstrap: String, selection: WatchSelection) {
        self.bootstrap = bootstrap
        self.selection = selection
    }

    /// The ms since the first sample.
    public var elapsedMs: Int64 { nowMs - (startMs ?? nowMs) }

    /// Takes in one sample (times must not decrease).
    public func observe(_ sample: ClusterSample) {
        let first = !sampled
        let previousMs = nowMs
        startMs = startMs ?? sample.timeMs
        nowMs = sample.timeMs
        problem = sample.problem
        observeBrokers(sample, first: first)
        // A pass whose metadata failed lists no topics: that is no deletion.
        let metadataRead = !(sample.problem != nil && sample.topics.isEmpty)
        if metadataRead {
            clusterId = sample.clusterId ?? clusterId
            controllerId = sample.controllerId ?? controllerId
            observeTopics(sample, seconds: first ? nil : Double(sample.timeMs - previousMs) / 1_000, first: first)
        }
        observeFeed(sample)
        for (partition, record) in sample.committedRecords {
            committedRecords[partition] = CommittedRecord(offset: record.offset, timestampMs: record.timestampMs, readAtMs: sample.timeMs)
        }
        if metadataRead {
            observeGroups(sample, seconds: first ? nil : Double(sample.timeMs - previousMs) / 1_000, first: first)
        }
        sampled = true
    }

    /// The partitions whose record at the committed offset the next pass should read (for lag in
    /// seconds), with that offset: never read, or read at an older offset more than
    /// `committedRecordRefreshMs` ago; caught-up partitions need none. Oldest reads first, at most
    /// `committedReadsPerSample`.
    public func committedReads() -> [TopicPartition: Int64] {
        var wanted: [(TopicPartition, Int64, Int64)] = []
        for (_, group) in groups.sorted(by: { $0.key < $1.key }) {
            for (partition, offset) in group.description.committed {
                guard let end = topics[partition.topic]?.watermarks[safe: partition.partition]??.high, offset < end else { continue }
                if let read = committedRecords[partition] {
                    if read.offset == offset || nowMs - read.readAtMs < Self.committedRecordRefreshMs { continue }
                    wanted.append((partition, offset, read.readAtMs))
                } else {
                    wanted.append((partition, offset, Int64.min))
                }
            }
        }
        var reads: [TopicPartition: Int64] = [:]
        for (partition, offset, _) in wanted.sorted(by: { ($0.2, $0.0) < ($1.2, $1.0) }) where reads.count < Self.committedReadsPerSample {
            reads[partition] = min(reads[partition] ?? .max, offset)
        }
        return reads
    }

    /// The watched topics' partitions (what the sampling consumer reads from the end).
    public var watchedPartitions: [TopicPartition] {
        topics.keys.sorted().flatMap { name in
            (0..<(topics[name]?.watermarks.count ?? 0)).map { TopicPartition(name, $0) }
        }
    }

    /// Adds a feed line at the current time, dropping the oldest beyond the capacity.
    func event(_ kind: FeedEntry.Kind) {
        feed.append(FeedEntry(timeMs: elapsedMs, kind: kind))
        if feed.count > Self.feedCapacity { feed.removeFirst(feed.count - Self.feedCapacity) }
    }

    private func observeBrokers(_ sample: ClusterSample, first: Bool) {
        if !first, !sample.brokers.isEmpty {
            let before = Dictionary(brokers.map { ($0.id, $0.up) }, uniquingKeysWith: { $1 })
            for broker in sample.brokers.sorted(by: { $0.id < $1.id }) {
                guard let wasUp = before[broker.id], wasUp != broker.up else { continue }
                event(.script(text: "broker \(broker.id) (\(broker.address)) \(broker.up ? "is up again" : "is down")"))
            }
        }
        if !sample.brokers.isEmpty { brokers = sample.brokers }
    }

    private func observeTopics(_ sample: ClusterSample, seconds: Double?, first: Bool) {
        let listed = Set(sample.topics.map(\.name))
        for name in topics.keys.sorted() where !listed.contains(name) {
            topics[name] = nil
            event(.topic(name: name, text: "topic deleted: no longer on the cluster"))
        }
        var sizes: [String: (records: Int64, bytes: Int64)] = [:]
        for record in sample.records {
            sizes[record.topic, default: (0, 0)].records += 1
            sizes[record.topic, default: (0, 0)].bytes += Int64(record.size)
        }
        for topic in sample.topics where selection.showsTopic(topic.name) {
            var state = topics[topic.name] ?? WatchedTopic()
            // Sizes first: this pass's appends are counted at the mean size of what was read so far.
            state.sampledRecords += sizes[topic.name]?.records ?? 0
            state.sampledBytes += sizes[topic.name]?.bytes ?? 0
            if topics[topic.name] == nil, !first {
                event(.topic(name: topic.name, text: "topic created (\(topic.watermarks.count) partitions)"))
            } else if !state.watermarks.isEmpty, state.watermarks.count != topic.watermarks.count {
                event(.topic(name: topic.name, text: "partitions \(state.watermarks.count) → \(topic.watermarks.count)"))
            }
            if let seconds, seconds > 0 {
                var appended: Int64 = 0
                for (index, now) in topic.watermarks.enumerated() {
                    guard let now, let before = state.watermarks[safe: index] ?? nil, now.high >= before.high else { continue }
                    appended += now.high - before.high
                }
                state.recordsPerSecond = Double(appended) / seconds
                state.bytesPerSecond = Double(appended) * (state.meanRecordSize ?? 0) / seconds
                state.totalRecords += appended
                state.history.append(state.recordsPerSecond)
                if state.history.count > RateMeter.historyLength { state.history.removeFirst() }
            }
            state.watermarks = topic.watermarks
            topics[topic.name] = state
        }
    }

    private func observeFeed(_ sample: ClusterSample) {
        var byTopic: [String: [ClusterSample.Record]] = [:]
        for record in sample.records where topics[record.topic] != nil { byTopic[record.topic, default: []].append(record) }
        for name in byTopic.keys.sorted() {
            guard let records = byTopic[name] else { continue }
            let every = max(1, (records.count + Self.recordsShownPerSample - 1) / Self.recordsShownPerSample)
            for record in records.enumerated().filter({ $0.offset % every == every - 1 || records.count < every }).map(\.element) {
                let key = record.key.map { bytes in bytes.withUnsafeBytes { FeedText.text($0) } }
                let payload = record.value.withUnsafeBytes { FeedText.payload($0) }
                event(.record(topic: record.topic, partition: record.partition, offset: record.offset, key: key, payload: payload,
                              sampleOf: every))
            }
        }
    }

    private func observeGroups(_ sample: ClusterSample, seconds: Double?, first: Bool) {
        let followed = sample.groups.filter { selection.followsGroup($0.name) }
        let present = Set(followed.map(\.name))
        for name in groups.keys.sorted() where !present.contains(name) {
            groups[name] = nil
            event(.group(name: name, text: "group gone: no longer on the cluster"))
        }
        for description in followed.sorted(by: { $0.name < $1.name }) {
            var state: FollowedGroup
            if let known = groups[description.name] {
                state = known
                membershipEvents(from: known.description, to: description)
            } else {
                state = FollowedGroup(description: description)
                if !first {
                    event(.group(name: description.name, text: "group appeared: \(Self.members(description.members.count)), \(description.state)"))
                }
            }
            var committedNow: Int64 = 0
            var rates: [TopicPartition: Double] = [:]
            for (partition, offset) in description.committed {
                let end = topics[partition.topic]?.watermarks[safe: partition.partition]??.high ?? offset
                ObservedLag.record(commit: offset, logEnd: end, atMs: sample.timeMs, in: &state.windows[partition, default: []])
                if let before = state.description.committed[partition], offset > before, let seconds, seconds > 0 {
                    committedNow += offset - before
                    rates[partition] = Double(offset - before) / seconds
                }
            }
            state.description = description
            if let seconds, seconds > 0 {
                state.consumeRates = rates
                state.consumedPerSecond = Double(committedNow) / seconds
                state.consumed += committedNow
                state.consumedHistory.append(state.consumedPerSecond)
                if state.consumedHistory.count > RateMeter.historyLength { state.consumedHistory.removeFirst() }
            }
            let lag = lag(of: state)
            state.lagHistory.append(Double(lag.totalLag))
            if state.lagHistory.count > RateMeter.historyLength { state.lagHistory.removeFirst() }
            state.trend.record(lag: lag.totalLag, atMs: sample.timeMs)
            groups[description.name] = state
        }
    }

    /// `1 member`, `3 members`.
    static func members(_ count: Int) -> String { "\(count) member\(count == 1 ? "" : "s")" }
}

extension Array {
    /// The element at `index`, nil outside the array.
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
