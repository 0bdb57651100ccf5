import Foundation
import Scenario
import StreamLog

/// One sentence that states a talk's point in numbers, computed from the world after a run.
public struct Headline: Equatable, Sendable {
    /// What kind of point it makes.
    public enum Kind: String, Sendable {
        case commandVsEvents, reduction, firstAlert, timeToInsight, replay, rebalance, hotPartition, ordering, connections
    }

    public var kind: Kind
    /// The entity it is about (a sink topic, a producer, a group, a batch job).
    public var subject: String
    /// The numbers it quotes, by name (tests read these).
    public var numbers: [String: Double]
    public var text: String
}

/// Computes the headlines of a run: every measurement that applies to the scenario's world.
extension Engine {
    /// The headlines, in a fixed order: chains vs the log, data reduction, anomalies, time to
    /// insight, replays, rebalances, hot partitions, per-key order, connections.
    public func headlines() -> [Headline] {
        commandVsEventsHeadlines() + reductionHeadlines() + alertHeadlines() + insightHeadlines() + replayHeadlines() + rebalanceHeadlines()
            + hotPartitionHeadlines() + orderingHeadlines() + connectionHeadlines()
    }

    /// For each chain beside a log: the requests the chain lost against the records the log kept,
    /// and whether every group of the log processed all of them.
    private func commandVsEventsHeadlines() -> [Headline] {
        chains.compactMap { chain in
            let requests = chain.runtime.completed + chain.runtime.lost
            guard requests > 0, let topic = scenario.topics.first(where: { !$0.sink }) else { return nil }
            let appended = topicTotals[topic.name]?.records ?? 0
            let readers = groups.filter { $0.topics == [topic.name] }
            let behind = readers.reduce(Int64(0)) { $0 + ((try? lag($1, nowMs: nowMs))?.totalLag ?? 0) }
            let lostShare = 100 * Double(chain.runtime.lost) / Double(requests)
            return Headline(
                kind: .commandVsEvents, subject: chain.spec.name,
                numbers: ["lost": Double(chain.runtime.lost), "requests": Double(requests), "appended": Double(appended),
                          "behind": Double(behind)],
                text: "\(chain.spec.name) lost \(Digits.grouped(Int64(chain.runtime.lost))) of \(Digits.grouped(Int64(requests))) requests "
                    + "(\(Self.decimal(lostShare, 1)) %); \(label(topic.name)) kept all \(Digits.grouped(appended)) records, and its "
                    + "\(readers.count) groups are \(Digits.grouped(behind)) behind at the end")
        }
    }

    /// For each sink fed by processors: the bytes and records its source topics received vs it.
    private func reductionHeadlines() -> [Headline] {
        scenario.topics.filter(\.sink).compactMap { sink in
            guard let reduction = reduction(intoSink: sink.name) else { return nil }
            let savedBytes = reduction.savedBytesPercent
            let savedRecords = reduction.savedRecordsPercent
            let names = reduction.sources.map(label).joined(separator: " + ")
            return Headline(
                kind: .reduction, subject: sink.name,
                numbers: ["saved_bytes_pct": savedBytes, "saved_records_pct": savedRecords,
                          "bytes_in": Double(reduction.bytesIn), "bytes_out": Double(reduction.bytesOut)],
                text: "\(names) → \(label(sink.name)): \(Self.decimal(savedBytes, 1)) % of bytes removed "
                    + "(\(Self.bytes(reduction.bytesIn)) in, \(Self.bytes(reduction.bytesOut)) out), \(Self.decimal(savedRecords, 1)) % of records "
                    + "(\(Digits.grouped(reduction.recordsIn)) in, \(Digits.grouped(reduction.recordsOut)) out)")
        }
    }

    /// For each producer the script started: how soon each downstream topic that had been silent
    /// until then received its first record (an alert topic "seeing" an injected anomaly).
    private func alertHeadlines() -> [Headline] {
        insights.producerStarts.compactMap { start in
            guard let producer = scenario.producers.first(where: { $0.name == start.name }) else { return nil }
            let seen = topics(downstreamOf: producer.topic).compactMap { topic -> (String, Int64)? in
                firstRecordDelayMs(topic: topic, afterMs: start.atMs).map { (topic, $0) }
            }
            .sorted { $0.1 < $1.1 }
            guard !seen.isEmpty else { return nil }
            let delays = seen.map { "\(label($0.0)) \(Self.secondsText($0.1)) later" }.joined(separator: ", ")
            var numbers: [String: Double] = [:]
            for (topic, delay) in seen { numbers["delay_s." + topic] = Double(delay) / 1000 }
            return Headline(
                kind: .firstAlert, subject: start.name, numbers: numbers,
                text: "\(start.name) began at \(Self.secondsText(start.atMs)): first record in \(delays)")
        }
    }

    /// For each batch job: its time to insight against the processors reading the same topic.
    private func insightHeadlines() -> [Headline] {
        batches.compactMap { batch in
            let streaming = processors.filter { $0.spec.inputs.contains(batch.spec.from) && $0.consumer.processedTotal > 0 }
            guard let batchP50 = batch.timeToInsight.percentile(50), let batchP99 = batch.timeToInsight.percentile(99),
                !streaming.isEmpty
            else { return nil }
            var numbers = ["batch_p50_s": batchP50 / 1000, "batch_p99_s": batchP99 / 1000]
            let parts = streaming.compactMap { processor -> String? in
                guard let p99 = processor.consumer.latency.percentile(99) else { return nil }
                numbers["stream_p99_s." + processor.spec.name] = p99 / 1000
                return "streaming \(processor.spec.name) p99 \(Self.decimal(p99 / 1000, 2)) s"
            }
            guard !parts.isEmpty else { return nil }
            return Headline(
                kind: .timeToInsight, subject: batch.spec.name, numbers: numbers,
                text: "time to insight on \(label(batch.spec.from)): \(parts.joined(separator: ", ")) vs batch \(batch.spec.name) "
                    + "p50 \(Self.decimal(batchP50 / 1000, 1)) s, p99 \(Self.decimal(batchP99 / 1000, 1)) s")
        }
    }

    /// For each replay from the earliest offset: how much, how fast, and what it could not see.
    private func replayHeadlines() -> [Headline] {
        insights.replays.map { replay in
            var numbers = ["records": Double(replay.history), "missed": Double(replay.missed)]
            var text: String
            if let end = replay.caughtUpMs {
                numbers["seconds"] = Double(end - replay.startMs) / 1000
                text = "\(replay.consumer) replayed \(Digits.grouped(replay.history)) records from earliest in "
                    + Self.secondsText(end - replay.startMs)
                let busy = replay.othersDuring.filter { $0.processed > 0 }
                if !busy.isEmpty {
                    text += " while " + busy.map { "\($0.name) kept running (\(Digits.grouped($0.processed)) records)" }
                        .joined(separator: ", ")
                }
            } else {
                let done = (consumer(named: replay.consumer)?.processedTotal ?? replay.processedAtStart) - replay.processedAtStart
                text = "\(replay.consumer) was still replaying at the end: \(Digits.grouped(done)) of "
                    + "\(Digits.grouped(replay.history)) records"
            }
            if replay.missed > 0 {
                text += "; the replay missed \(Digits.grouped(replay.missed)) records deleted by retention before it began"
            }
            return Headline(kind: .replay, subject: replay.consumer, numbers: numbers, text: text)
        }
    }

    /// For each group that rebalanced: did consumption stop, and for how long.
    private func rebalanceHeadlines() -> [Headline] {
        groups.compactMap { group in
            guard let stalls = insights.stalls[group.name], stalls.rebalances > 0 else { return nil }
            let pauses = stalls.pauses
            let total = pauses.reduce(0, +)
            let plural = stalls.rebalances == 1 ? "" : "s"
            var text = "\(group.name) (\(stalls.strategy)): \(stalls.rebalances) rebalance\(plural), "
            if pauses.isEmpty {
                text += "consumption never stopped"
            } else {
                text += "consumption stopped \(pauses.count) time\(pauses.count == 1 ? "" : "s"), \(Self.secondsText(total)) "
                    + "in all (longest \(Self.secondsText(stalls.longestPauseMs)))"
                if stalls.strategy != Assignment.cooperativeSticky.rawValue { text += ": eager rebalancing stops the world" }
            }
            return Headline(
                kind: .rebalance, subject: group.name,
                numbers: ["rebalances": Double(stalls.rebalances), "pauses": Double(pauses.count),
                          "paused_s": Double(total) / 1000, "longest_pause_s": Double(stalls.longestPauseMs) / 1000],
                text: text)
        }
    }

    /// For each group where one partition's lag dwarfed all the others at some moment.
    private func hotPartitionHeadlines() -> [Headline] {
        groups.compactMap { group in
            guard let skew = insights.skew[group.name], skew.lag >= 200, skew.othersMaxLag * 10 <= skew.lag else { return nil }
            let owner = skew.owner.map { " (owned by \(Self.clientId(ofMember: $0)))" } ?? ""
            return Headline(
                kind: .hotPartition, subject: group.name,
                numbers: ["lag": Double(skew.lag), "others_max_lag": Double(skew.othersMaxLag)],
                text: "\(group.name): hot partition \(skew.partition)\(owner) reached \(Digits.grouped(skew.lag)) records of lag "
                    + "at \(Self.secondsText(skew.atMs)) while the other \(skew.otherPartitions) stayed at \(Digits.grouped(skew.othersMaxLag)) or less")
        }
    }

    /// For each group that checks per-key order: how many records it saw out of order.
    private func orderingHeadlines() -> [Headline] {
        groups.compactMap { group in
            guard let tracker = insights.ordering[group.name] else { return nil }
            let keyed = scenario.producers.contains { group.topics.contains($0.topic) && $0.key != nil }
            return Headline(
                kind: .ordering, subject: group.name,
                numbers: ["out_of_order": Double(tracker.outOfOrder), "checked": Double(tracker.checked)],
                text: "\(group.name) (\(keyed ? "keyed" : "keyless") producer): \(Digits.grouped(tracker.outOfOrder)) of "
                    + "\(Digits.grouped(tracker.checked)) records out of order per \(tracker.field)")
        }
    }

    /// Many sources and many consumers: connections point to point vs one each to the log.
    private func connectionHeadlines() -> [Headline] {
        let counts = connections()
        let pointToPoint = counts.pointToPoint
        let platform = counts.platform
        guard counts.producers >= 3, pointToPoint > platform else { return [] }
        var text = "\(counts.producers) sources, \(counts.readers.count) consumers: \(pointToPoint) point-to-point "
            + "connections vs \(platform) to one platform"
        var numbers = ["point_to_point": Double(pointToPoint), "platform": Double(platform)]
        for added in insights.addedGroups {
            guard let reader = counts.readers.first(where: { $0.name == added.name }) else { continue }
            numbers["added_point_to_point." + added.name] = Double(reader.sources)
            text += "; \(added.name) joined at \(Self.secondsText(added.atMs)) with 1 new connection instead of \(reader.sources)"
            if !insights.producerChangesMs.contains(where: { $0 >= added.atMs }) { text += " and no producer changed" }
        }
        return [Headline(kind: .connections, subject: scenario.id, numbers: numbers, text: text)]
    }

    /// Topics written by producers from which records flow (through processors) into `topic`.
    func sourceTopics(upstreamOf topic: String) -> [String] {
        var seen: Set<String> = [topic]
        var frontier = [topic]
        var sources: [String] = []
        while let current = frontier.popLast() {
            for processor in scenario.processors where processor.outputs.contains(current) {
                for input in processor.inputs where seen.insert(input).inserted {
                    frontier.append(input)
                    if scenario.producers.contains(where: { $0.topic == input }) { sources.append(input) }
                }
            }
        }
        return sources.sorted()
    }

    /// Topics that records of `topic` reach through processors and batch jobs (not `topic` itself).
    func topics(downstreamOf topic: String) -> [String] {
        var seen: Set<String> = [topic]
        var frontier = [topic]
        var result: [String] = []
        while let current = frontier.popLast() {
            let next = scenario.processors.filter { $0.inputs.contains(current) }.flatMap(\.outputs)
                + scenario.batches.filter { $0.from == current }.compactMap(\.to)
            for output in next where seen.insert(output).inserted {
                frontier.append(output)
                result.append(output)
            }
        }
        return result
    }

    private func label(_ topic: String) -> String {
        scenario.topics.first { $0.name == topic }?.label ?? topic
    }

    /// The client id part of a member id ("consumer-g-1" of "consumer-g-1-<uuid>").
    static func clientId(ofMember memberId: String) -> String {
        let uuidLength = 37
        guard memberId.count > uuidLength else { return memberId }
        return String(memberId.dropLast(uuidLength))
    }

    static func decimal(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }


    static func bytes(_ value: Int64) -> String {
        let units = [(1_000_000_000.0, "GB"), (1_000_000.0, "MB"), (1_000.0, "kB")]
        for (size, unit) in units where Double(value) >= size { return decimal(Double(value) / size, 1) + " " + unit }
        return "\(value) B"
    }

    static func secondsText(_ ms: Int64) -> String {
        decimal(Double(ms) / 1000, 1) + " s"
    }
}
