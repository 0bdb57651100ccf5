import Scenario
import StreamLog

/// Building the world from the scenario.
extension Engine {
    func build() throws(EngineError) {
        for topic in scenario.topics {
            do {
                try log.createTopic(topic.name, config: topic.logConfig(partitioner: partitioner(for: topic.name)))
            } catch {
                throw EngineError(description: "topic '\(topic.name)': \(error)")
            }
            topicRecords[topic.name] = RateMeter(tickMs: tickMs)
            topicBytes[topic.name] = RateMeter(tickMs: tickMs)
            topicTotals[topic.name] = (0, 0)
        }
        producers = scenario.producers.map {
            ProducerRuntime(spec: $0, random: random.fork("producer:" + $0.name), tickMs: tickMs)
        }
        for topic in Set(scenario.producers.flatMap(\.record.referencedTopics)) { recentValues[topic] = RecentValues() }
        for spec in scenario.groups { try addGroup(spec) }
        for spec in scenario.processors {
            var consumer = ConsumerRuntime(
                name: spec.name, topics: spec.inputs, processing: spec.process, commit: spec.commit, assignment: .range,
                start: spec.start, sessionTimeoutMs: 45_000, maxPollRecords: 500,
                random: random.fork("processor:" + spec.name), tickMs: tickMs)
            if spec.enabled {
                for _ in 0..<spec.members { try join(&consumer) }
            }
            processors.append(ProcessorRuntime(spec: spec, consumer: consumer, tickMs: tickMs))
        }
        chains = scenario.chains.map { ChainDriver(spec: $0, random: random.fork("chain:" + $0.name), tickMs: tickMs) }
        batches = scenario.batches.map { BatchRuntime(spec: $0, tickMs: tickMs) }
    }

    /// Creates a consumer group and joins its members.
    func addGroup(_ spec: GroupSpec) throws(EngineError) {
        var consumer = ConsumerRuntime(
            name: spec.name, topics: spec.topics, processing: spec.process, commit: spec.commit, assignment: spec.assignment,
            start: spec.start, sessionTimeoutMs: spec.sessionTimeoutMs, maxPollRecords: spec.maxPollRecords,
            random: random.fork("group:" + spec.name), tickMs: tickMs)
        for _ in 0..<spec.members { try join(&consumer) }
        groups.append(consumer)
        watch(spec)
    }

    func join(_ consumer: inout ConsumerRuntime) throws(EngineError) {
        do {
            _ = try consumer.addMember(log: log, nowMs: nowMs)
        } catch {
            throw EngineError(description: "group '\(consumer.name)': \(error)")
        }
    }

    /// The keyless strategy of the producers writing `topic` (round-robin if any asks for it).
    private func partitioner(for topic: String) -> Partitioner {
        scenario.producers.contains { $0.topic == topic && $0.partitioner == .roundRobin } ? .roundRobin : .sticky
    }
}

extension TopicSpec {
    /// The log's configuration for this topic.
    func logConfig(partitioner: Partitioner) -> TopicConfig {
        var config = TopicConfig(partitions: partitions)
        config.timestampType = timestampType == .logAppendTime ? .logAppendTime : .createTime
        config.retentionMs = retention.timeMs
        config.retentionBytes = retention.maxBytes.map { Int(clamping: $0) }
        config.retentionRecords = retention.maxRecords.map { Int(clamping: $0) }
        config.segmentBytes = Int(clamping: segmentBytes)
        config.segmentMs = segmentMs
        config.keylessStrategy = partitioner == .roundRobin ? .roundRobin : .sticky()
        if sink {
            // A sink is an external system: the engine counts its records and bytes (the totals the
            // dashboard, headlines and exports use); the log keeps only a small ring of the newest.
            config.retentionMs = nil
            config.retentionBytes = nil
            config.retentionRecords = Self.sinkRingRecords
            config.segmentRecords = Self.sinkRingRecords / 4
        }
        return config
    }

    /// The newest records a sink keeps per partition (plus up to a quarter more until a segment goes).
    static let sinkRingRecords = 256
}
