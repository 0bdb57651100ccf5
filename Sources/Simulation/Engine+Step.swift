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
        for index in groups.indices {
            let name = groups[index].name
            groups[index].step(log: log, nowMs: now, tickMs: tickMs) { insights.noteProcessed($0, by: name) }
        }
        for index in processors.indices where processors[index].enabled {
            var consumed: [ConsumerRecord] = []
            processors[index].consumer.step(log: log, nowMs: now, tickMs: tickMs) { consumed.append($0) }
            var outputs: [OutputRecord] = []
            for record in consumed { outputs += processors[index].transform(record) }
            outputs += processors[index].punctuate(nowMs: now)
            for output in outputs {
                if let bytes = append(output, now: now) { processors[index].noteOutput(bytes: bytes) }
            }
        }
        for index in batches.indices {
            for output in batches[index].step(log: log, nowMs: now) {
                if append(output, now: now) != nil { batches[index].outRate.add(1) }
            }
        }
        collectEvents(now: now)
        endTick()
        observeInsights(now: now)
        tick += 1
        if tick % ticksPerSecond == 0 { endSecond() }
        checkScript()
    }

    private func produce(now: Int64) {
        for index in producers.indices {
            let count = producers[index].due(nowMs: now, tickMs: tickMs)
            guard count > 0 else { continue }
            let topic = producers[index].spec.topic
            let keyField = producers[index].spec.key
            for _ in 0..<count {
                let context = GeneratorContext(nowMs: now) { [unowned self] topic, field, unit in
                    self.recentValue(topic: topic, field: field, unit: unit)
                }
                let value = producers[index].generator.next(context)
                let key = keyField.flatMap { value[$0]?.text }
                if append(OutputRecord(topic: topic, key: key, value: value), now: now) != nil {
                    producers[index].produced += 1
                    producers[index].rate.add(1)
                }
            }
        }
    }

    /// Appends a record to its topic; returns its size in bytes, or nil if the log refused it.
    @discardableResult
    func append(_ output: OutputRecord, now: Int64) -> Int? {
        let size = Record.payloadSize(key: output.key, value: output.value, headers: [])
        guard let metadata = try? log.produce(
            topic: output.topic, key: output.key, value: output.value, headers: [], timestamp: now, sizeInBytes: size,
            partition: nil, nowMs: now)
        else { return nil }
        topicRecords[output.topic]?.add(1)
        topicBytes[output.topic]?.add(Double(size))
        if let totals = topicTotals[output.topic] { topicTotals[output.topic] = (totals.records + 1, totals.bytes + Int64(size)) }
        remember(topic: output.topic, key: output.key, value: output.value)
        feed.offer(topic: output.topic, metadata: metadata, key: output.key, value: output.value,
                   topicRate: topicRecords[output.topic]?.perSecond ?? 0, nowMs: now)
        onAppend?(AppendedRecord(
            topic: output.topic, partition: metadata.topicPartition.partition, offset: metadata.offset,
            timestamp: metadata.timestamp, timestampType: (try? log.topic(output.topic).config.timestampType) ?? .createTime,
            key: output.key, value: output.value, headers: []))
        return size
    }

    /// Keeps the last records of each topic for `ref` generators.
    private func remember(topic: String, key: String?, value: Value) {
        var recent = recentValues[topic, default: []]
        if recent.count >= 64 { recent.removeFirst() }
        recent.append((key, value))
        recentValues[topic] = recent
    }

    /// A value recently produced to `topic` (its key, or one field), picked by `unit` in [0, 1).
    func recentValue(topic: String, field: String?, unit: Double) -> Value? {
        guard let recent = recentValues[topic], !recent.isEmpty else { return nil }
        let entry = recent[min(recent.count - 1, Int(unit * Double(recent.count)))]
        if let field { return entry.value[field] }
        return entry.key.map { .string($0) }
    }

    private func collectEvents(now: Int64) {
        for event in log.drainEvents() {
            switch event {
            case .segmentDeleted(let deletion):
                feed.append(FeedEntry(timeMs: now, kind: .topic(name: deletion.topicPartition.topic, text: event.description)))
            case .recordsRedelivered(let group, _, _, _), .memberJoined(let group, _, _, _), .memberLeft(let group, _),
                 .memberCrashed(let group, _), .memberTimedOut(let group, _, _, _), .rebalanceStarted(let group, _, _),
                 .rebalanceCompleted(let group, _, _, _), .partitionsRevoked(let group, _, _),
                 .partitionsAssigned(let group, _, _), .offsetReset(let group, _, _, _, _, _, _),
                 .commitRejected(let group, _, _):
                insights.unsettled.insert(group)
                feed.append(FeedEntry(timeMs: now, kind: .group(name: group, text: event.description)))
            }
        }
    }

    private func endTick() {
        for index in producers.indices { producers[index].rate.endTick() }
        for index in groups.indices { groups[index].endTick() }
        for index in processors.indices { processors[index].endTick() }
        for index in batches.indices { batches[index].outRate.endTick() }
        for name in topicRecords.keys {
            topicRecords[name]?.endTick()
            topicBytes[name]?.endTick()
        }
    }

    private func endSecond() {
        let now = nowMs
        for index in groups.indices {
            let lag = (try? log.lag(group: groups[index].name, nowMs: now))?.totalLag ?? 0
            groups[index].endSecond(totalLag: lag)
        }
        for index in processors.indices {
            let lag = (try? log.lag(group: processors[index].spec.name, nowMs: now))?.totalLag ?? 0
            processors[index].consumer.endSecond(totalLag: lag)
        }
        for index in chains.indices { chains[index].endSecond() }
    }
}
