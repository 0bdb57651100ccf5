import Scenario
import StreamLog

/// One tick of the world, in a fixed order: produce, call chains, let the log do its background
/// work, consume and process, run batch jobs, collect events, close meters, then the script.
extension Engine {
    /// Advances the world by one tick.
    public func step() {
        let now = nowMs
        produce(now: now)
        for index in chains.indices { chains[index].step(nowMs: now, tickMs: tickMs) }
        log.tick(nowMs: now)
        monitor.sample(nowMs: now)
        for index in groups.indices { groups[index].ledger.sample(nowMs: now) }
        for index in processors.indices { processors[index].consumer.ledger.sample(nowMs: now) }
        for index in groups.indices {
            let name = groups[index].name
            if insights.ordering[name] != nil {
                groups[index].step(nowMs: now, tickMs: tickMs) {
                    self.insights.noteProcessed(ConsumerRecord(topicPartition: $0, record: $1.record), by: name)
                }
            } else {
                groups[index].step(nowMs: now, tickMs: tickMs)
            }
        }
        for index in processors.indices where !processors[index].enabled { processors[index].consumer.heartbeat(nowMs: now) }
        for index in processors.indices where processors[index].enabled {
            var consumed: [ConsumerRecord] = []
            processors[index].consumer.step(nowMs: now, tickMs: tickMs) {
                consumed.append(ConsumerRecord(topicPartition: $0, record: $1.record))
            }
            var outputs: [OutputRecord] = []
            for record in consumed { outputs += processors[index].transform(record) }
            outputs += processors[index].punctuate(nowMs: now)
            for output in outputs {
                if let bytes = append(output, now: now) { processors[index].noteOutput(bytes: bytes) }
            }
        }
        for index in batches.indices {
            let outputs = batches[index].step(log: log, nowMs: now) { noteLogProblem($0, nowMs: now) }
            for output in outputs {
                if append(output, now: now) != nil { batches[index].outRate.add(1) }
            }
        }
        collectEvents(now: now)
        endTick()
        observeInsights(now: now)
        tick += 1
        if tick % max(1, ticksPerSecond / 4) == 0 { sampleLag() }
        if tick % ticksPerSecond == 0 { endSecond() }
        checkScript()
    }

    private func produce(now: Int64) {
        let context = GeneratorContext(nowMs: now) { [unowned self] topic, field, unit in
            self.recentValue(topic: topic, field: field, unit: unit)
        }
        let (value, spareValue) = encodeBuffers
        let (key, spareKey) = keyBuffers
        // One uniqueness check of the array a tick, not one per record (nothing the loop calls
        // reads the producers).
        producers.withUnsafeMutableBufferPointer { producers in
            for index in producers.indices {
                let count = producers[index].due(nowMs: now, tickMs: tickMs)
                guard count > 0 else { continue }
                let found = appender(for: producers[index].spec.topic)
                var appended = 0
                if var appender = found, producers[index].encodesAhead {
                    // Each record is encoded before the one before it is appended, the two
                    // buffers taking turns: the log then copies and hashes bytes stored long
                    // enough ago (reading bytes straight back from the stores that just wrote
                    // them stalls the processor's store forwarding); the same records reach the
                    // log in the same order.
                    value.removeAll()
                    var keyBytes = producers[index].generator.encodeNext(context, value: value, key: key)
                    var spareKeyBytes: UnsafeRawBufferPointer?
                    var encoded = 1
                    var handled = 0
                    while handled < count {
                        if encoded < count {
                            spareValue.removeAll()
                            spareKeyBytes = producers[index].generator.encodeNext(context, value: spareValue, key: spareKey)
                            encoded += 1
                        }
                        if append(key: keyBytes, value: value.bytes, to: &appender, now: now) != nil { appended += 1 }
                        handled += 1
                        guard handled < count else { break }
                        if encoded < count {
                            value.removeAll()
                            keyBytes = producers[index].generator.encodeNext(context, value: value, key: key)
                            encoded += 1
                        }
                        if append(key: spareKeyBytes, value: spareValue.bytes, to: &appender, now: now) != nil { appended += 1 }
                        handled += 1
                    }
                    finish(appender)
                } else if var appender = found {
                    for _ in 0..<count {
                        value.removeAll()
                        let keyBytes = producers[index].generator.encodeNext(context, value: value, key: key)
                        if append(key: keyBytes, value: value.bytes, to: &appender, now: now) != nil { appended += 1 }
                    }
                    finish(appender)
                } else {
                    for _ in 0..<count {
                        value.removeAll()
                        _ = producers[index].generator.encodeNext(context, value: value, key: key)
                    }
                }
                producers[index].produced += Int64(appended)
                producers[index].rate.add(Double(appended))
            }
        }
    }

    /// Appends a record to its topic; returns its size in bytes, or nil if the log refused it.
    @discardableResult
    func append(_ output: OutputRecord, now: Int64) -> Int? {
        guard var appender = appender(for: output.topic) else { return nil }
        let size = output.value.withUnsafeBytes { value in
            guard let key = output.key else { return append(key: nil, value: value, to: &appender, now: now) }
            return key.withUnsafeBytes { append(key: $0, value: value, to: &appender, now: now) }
        }
        finish(appender)
        return size
    }

    /// What appends to `topic` touch, looked up once; nil (a log problem, said in the feed) when
    /// the log has no such topic.
    private func appender(for name: String) -> TopicAppender? {
        let topic: any RecordAppender
        do {
            topic = try log.appender(topic: name)
        } catch {
            noteRefusedAppend(topic: name, error, nowMs: nowMs)
            return nil
        }
        return TopicAppender(
            topic: topic, recent: recentValues[name],
            sampler: feed.sampler(topic: name, topicRate: topicRecords[name]?.perSecond ?? 0))
    }

    /// Appends one record's bytes through `appender`; returns the record's size in bytes, or nil
    /// if refused.
    ///
    /// The bytes are copied into the log's segment; they are read again only for the feed line
    /// they are sampled for, the recent records a `ref` reads, and `onAppend`. Inlined into the
    /// produce loop (a call per record costs about 30 instructions there).
    @inline(__always)
    private func append(
        key: UnsafeRawBufferPointer?, value: UnsafeRawBufferPointer, to appender: inout TopicAppender, now: Int64
    ) -> Int? {
        let topic = appender.topic
        let size = (key?.count ?? 0) + value.count
        let position: AppendPosition
        do {
            position = try topic.appendRecord(key: key, value: value, timestamp: now, nowMs: now)
        } catch {
            noteRefusedAppend(topic: topic.name, error, nowMs: now)
            return nil
        }
        appender.records &+= 1
        appender.bytes &+= Int64(size)
        let kept = appender.sampler.keepsNext()
        if kept || appender.recent != nil || onAppend != nil {
            noteAppended(key: key, value: value, at: position, kept: kept, by: appender, now: now)
        }
        return size
    }

    /// What a record appended through `appender` is read for: the recent records a `ref`
    /// reads, the feed line when it is the sampled one (`kept`), and `onAppend`. Out of line: the
    /// produce loop does none of it for most records.
    @inline(never)
    private func noteAppended(
        key: UnsafeRawBufferPointer?, value: UnsafeRawBufferPointer, at position: AppendPosition, kept: Bool,
        by appender: TopicAppender, now: Int64
    ) {
        let topic = appender.topic
        if let recent = appender.recent {
            recent.append(key: key.map { String(decoding: $0, as: UTF8.self) }, value: Value(json: value) ?? .null)
        }
        if kept {
            feed.keep(
                topic: topic.name, partition: position.partition, offset: position.offset, key: key, value: value,
                sampleOf: appender.sampler.every, nowMs: now)
        }
        if let onAppend {
            onAppend(AppendedRecord(
                topic: topic.name, partition: position.partition, offset: position.offset,
                timestamp: position.timestamp, timestampType: topic.timestampType,
                key: key.map { Array($0) }, value: Array(value), headers: []))
        }
    }

    /// Says in the feed (once) and counts for the summary that the log refused appends to
    /// `topic`; out of line, so the produce loop's success path stays small.
    @inline(never)
    private func noteRefusedAppend(topic: String, _ error: StreamLogError, nowMs: Int64) {
        noteLogProblem(.topic(name: topic, text: "appends to \(topic) refused: \(error)"), nowMs: nowMs)
    }

    /// Books an appender's records on the topic's meters and hands its feed sampler back.
    private func finish(_ appender: TopicAppender) {
        guard appender.records > 0 else { return }
        let name = appender.topic.name
        Self.update(&topicRecords, name) { $0.add(Double(appender.records)) }
        Self.update(&topicBytes, name) { $0.add(Double(appender.bytes)) }
        if let totals = topicTotals[name] {
            topicTotals[name] = (totals.records + appender.records, totals.bytes + appender.bytes)
        }
        feed.finish(appender.sampler)
    }

    /// A value recently produced to `topic` (its key, or one field), picked by `unit` in [0, 1).
    func recentValue(topic: String, field: String?, unit: Double) -> Value? {
        guard let recent = recentValues[topic], recent.count > 0 else { return nil }
        let entry = recent[min(recent.count - 1, Int(unit * Double(recent.count)))]
        if let field { return entry.value[field] }
        return entry.key.map { .string($0) }
    }

    private func collectEvents(now: Int64) {
        for event in log.drainEvents() {
            switch event {
            case .segmentDeleted(let deletion):
                // A sink's ring turning over is not news: the external system "keeps" everything.
                if scenario.topics.contains(where: { $0.sink && $0.name == deletion.topicPartition.topic }) { continue }
                feed.append(FeedEntry(timeMs: now, kind: .topic(name: deletion.topicPartition.topic, text: event.description)))
            case .recordsRedelivered(let group, _, _, _), .memberJoined(let group, _, _, _), .memberLeft(let group, _),
                 .memberCrashed(let group, _), .memberTimedOut(let group, _, _, _), .memberMissedRebalance(let group, _, _),
                 .rebalanceStarted(let group, _, _),
                 .rebalanceCompleted(let group, _, _, _), .partitionsRevoked(let group, _, _),
                 .partitionsAssigned(let group, _, _), .offsetReset(let group, _, _, _, _, _, _),
                 .commitRejected(let group, _, _), .pollFailed(let group, _, _),
                 .heartbeatFailed(let group, _, _):
                insights.unsettled.insert(group)
                feed.append(FeedEntry(timeMs: now, kind: .group(name: group, text: event.description)))
            case .clusterFault, .clusterRecovered:
                feed.append(FeedEntry(timeMs: now, kind: .script(text: event.description)))
            }
        }
    }

    private func endTick() {
        for index in producers.indices { producers[index].rate.endTick() }
        for index in groups.indices { groups[index].endTick() }
        for index in processors.indices { processors[index].endTick() }
        for index in batches.indices { batches[index].outRate.endTick() }
        for index in topicRecords.values.indices { topicRecords.values[index].endTick() }
        for index in topicBytes.values.indices { topicBytes.values[index].endTick() }
    }

    /// Changes the meter of topic `name` in place, if there is one (through its index: a
    /// dictionary's optional-chained modify allocates).
    private static func update(_ meters: inout [String: RateMeter], _ name: String, _ body: (inout RateMeter) -> Void) {
        guard let index = meters.index(forKey: name) else { return }
        body(&meters.values[index])
    }

    /// Adds every group's records-lag to its trend (four times a simulated second).
    private func sampleLag() {
        let now = nowMs
        for index in groups.indices {
            let lag = reportedLag(groups[index], nowMs: now)?.recordsLag ?? 0
            groups[index].sampleLag(lag, atMs: now)
        }
        for index in processors.indices {
            let lag = reportedLag(processors[index].consumer, nowMs: now)?.recordsLag ?? 0
            processors[index].consumer.sampleLag(lag, atMs: now)
        }
    }

    private func endSecond() {
        let now = nowMs
        for index in groups.indices {
            let lag = reportedLag(groups[index], nowMs: now)?.totalLag ?? 0
            groups[index].endSecond(totalLag: lag)
        }
        for index in processors.indices {
            let lag = reportedLag(processors[index].consumer, nowMs: now)?.totalLag ?? 0
            processors[index].consumer.endSecond(totalLag: lag)
        }
        for index in chains.indices { chains[index].endSecond() }
    }
}
