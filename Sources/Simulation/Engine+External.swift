import StreamLog

/// Records and topics that come from outside the scenario: real Kafka clients through the listener.
extension Engine {
    /// Creates a topic a Kafka client asked for (auto-created topics get one partition, Kafka's
    /// `num.partitions` default); false when the log refuses it.
    public func createExternalTopic(_ name: String, partitions: Int) -> Bool {
        guard !log.topicNames.contains(name) else { return true }
        do {
            try log.createTopic(name, config: TopicConfig(partitions: partitions))
        } catch {
            return false
        }
        topicRecords[name] = RateMeter(tickMs: tickMs)
        topicBytes[name] = RateMeter(tickMs: tickMs)
        topicTotals[name] = (0, 0)
        externalTopics.append(name)
        return true
    }
}

extension Engine {
    /// Adds a line about a Kafka client to the feed (a refused request, a topic it created).
    public func noteClientEvent(_ text: String) {
        feed.append(FeedEntry(timeMs: nowMs, kind: .script(text: text)))
    }

    /// Appends a Kafka client's batch to the partition it chose, at the current simulated time,
    /// and books it like the scenario's own records: the topic's throughput and totals, a
    /// sampled feed line naming `client` as its producer, the recent values a `ref` reads, and
    /// `onAppend` (exports). UNKNOWN_TOPIC_OR_PARTITION for a topic or partition that does not exist.
    public func appendExternal(
        to partition: TopicPartition, _ records: UnsafeBufferPointer<BorrowedRecord>, client: String
    ) throws(StreamLogError) -> BatchAppend {
        let now = nowMs
        let appended = try log.appendBatch(to: partition, records, nowMs: now)
        let name = partition.topic
        var bytes: Int64 = 0
        // Sampled by the client's own rate, not the topic's: a presenter's one record typed into
        // kcat always shows, a client producing thousands a second shows like a busy topic.
        let clientKey = name + " ← " + client
        var rate = clientFeedRates[clientKey] ?? ClientFeedRate()
        rate.count(records.count, nowMs: now)
        clientFeedRates[clientKey] = rate
        var sampler = feed.sampler(topic: clientKey, topicRate: rate.perSecond)
        let recent = recentValues[name]
        for (index, record) in records.enumerated() {
            let value = record.value ?? UnsafeRawBufferPointer(start: nil, count: 0)
            bytes += Int64((record.key?.count ?? 0) + value.count)
            let offset = appended.baseOffset + Int64(index)
            recent?.append(key: record.key.map { String(decoding: $0, as: UTF8.self) }, value: Value(json: value) ?? .null)
            if sampler.keepsNext() {
                feed.keepClientRecord(
                    topic: name, partition: partition.partition, offset: offset, key: record.key, value: value, client: client,
                    sampleOf: sampler.every, nowMs: now)
            }
            if let onAppend {
                onAppend(AppendedRecord(
                    topic: name, partition: partition.partition, offset: offset,
                    timestamp: appended.timestampType == .logAppendTime ? appended.logAppendTimeMs : record.timestamp,
                    timestampType: appended.timestampType, key: record.key.map { Array($0) }, value: Array(value),
                    headers: record.headers.map { Header(String(decoding: $0.key, as: UTF8.self), $0.value.map { Array($0) } ?? []) }))
            }
        }
        feed.finish(sampler)
        if let index = topicRecords.index(forKey: name) { topicRecords.values[index].add(Double(records.count)) }
        if let index = topicBytes.index(forKey: name) { topicBytes.values[index].add(Double(bytes)) }
        if let totals = topicTotals[name] { topicTotals[name] = (totals.records + Int64(records.count), totals.bytes + bytes) }
        return appended
    }
}

/// How many records one client produced to one topic lately, for its feed sampling.
struct ClientFeedRate {
    var secondStartMs: Int64 = 0
    var thisSecond = 0
    var lastSecond = 0

    /// Adds `records` at `nowMs`, rolling the one-second windows.
    mutating func count(_ records: Int, nowMs: Int64) {
        if nowMs - secondStartMs >= 2_000 {
            lastSecond = 0
            thisSecond = 0
            secondStartMs = nowMs
        } else if nowMs - secondStartMs >= 1_000 {
            lastSecond = thisSecond
            thisSecond = 0
            secondStartMs += 1_000
        }
        thisSecond += records
    }

    /// Records per second: the fuller of the last and the current second.
    var perSecond: Double { Double(max(lastSecond, thisSecond)) }
}
