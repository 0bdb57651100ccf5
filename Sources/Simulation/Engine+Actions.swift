import Foundation
import Scenario
import StreamLog

/// Script and presenter actions applied to the running world.
extension Engine {
    /// Applies one scenario action now; `origin` names the step (or "presenter") for the feed.
    func perform(_ action: Action, origin: String) {
        let now = nowMs
        switch action {
        case .start(let name):
            setEnabled(name, true)
            note("\(name) started")
        case .stop(let name):
            setEnabled(name, false)
            note("\(name) stopped")
        case .setRate(let target, let profile):
            if let index = producers.firstIndex(where: { $0.spec.name == target }) {
                insights.producerChangesMs.append(now)
                producers[index].source.setProfile(profile, atMs: now)
            }
            if let index = chains.firstIndex(where: { $0.spec.name == target }) {
                chains[index].source.setProfile(profile, atMs: now)
            }
            note("\(target): new rate profile")
        case .addMember(let group, let count):
            withConsumer(group) { consumer in
                for _ in 0..<count { addMember(to: &consumer, nowMs: now) }
            }
            note("\(group): \(count) member\(count == 1 ? "" : "s") added (\(origin))")
        case .killMember(let group, let count):
            withConsumer(group) { consumer in
                for _ in 0..<count { _ = consumer.killMember() }
            }
            note("\(group): \(count) member\(count == 1 ? "" : "s") killed (\(origin))")
        case .pause(let group):
            withConsumer(group) { $0.paused = true }
            note("\(group) paused")
        case .resume(let group):
            withConsumer(group) { $0.paused = false }
            note("\(group) resumed")
        case .slowGroup(let group, let perRecordMs):
            withConsumer(group) { $0.processing.perRecordMs = perRecordMs }
            note("\(group) now takes \(Self.milliseconds(perRecordMs)) per record")
        case .restoreGroup(let group):
            withConsumer(group) { $0.processing = $0.baseProcessing }
            note("\(group) back to normal speed")
        case .slowService(let service, let latencyMs):
            for index in chains.indices { chains[index].runtime.slow(service, latencyMs: latencyMs) }
            note("\(service) now takes \(Self.milliseconds(latencyMs)) per call")
        case .restoreService(let service):
            for index in chains.indices { chains[index].runtime.restore(service) }
            note("\(service) back to normal latency")
        case .fail(let service):
            for index in chains.indices { chains[index].runtime.fail(service) }
            note("\(service) is down")
        case .recover(let service):
            for index in chains.indices { chains[index].runtime.recover(service) }
            note("\(service) is back up")
        case .resetOffsets(let group, let target):
            resetOffsets(group, to: target)
        case .addGroup(let spec):
            if (try? addGroup(spec)) != nil {
                noteGroupAdded(spec)
                note("new group \(spec.name) reads \(spec.topics.joined(separator: ", ")) from \(spec.start.rawValue)")
            }
        case .setRetention(let topic, let retention):
            setRetention(topic, retention)
        case .highlight(let name):
            highlights.append(name)
        }
    }

    /// Joins one more member; a refusal from the log becomes a feed line.
    func addMember(to consumer: inout ConsumerRuntime, nowMs: Int64) {
        do {
            _ = try consumer.addMember(log: log, nowMs: nowMs)
        } catch {
            feed.append(FeedEntry(timeMs: nowMs, kind: .group(name: consumer.name, text: "\(consumer.name): a member could not join: \(error)")))
        }
    }

    /// Runs `body` on the group or processor called `name`.
    func withConsumer(_ name: String, _ body: (inout ConsumerRuntime) -> Void) {
        if let index = groups.firstIndex(where: { $0.name == name }) {
            body(&groups[index])
        } else if let index = processors.firstIndex(where: { $0.spec.name == name }) {
            body(&processors[index].consumer)
        }
    }

    private func setEnabled(_ name: String, _ enabled: Bool) {
        for index in producers.indices where producers[index].spec.name == name {
            if enabled, !producers[index].enabled { noteProducerStarted(name) }
            insights.producerChangesMs.append(nowMs)
            producers[index].source.setEnabled(enabled, atMs: nowMs)
        }
        for index in chains.indices where chains[index].spec.name == name {
            chains[index].source.setEnabled(enabled, atMs: nowMs)
        }
        for index in batches.indices where batches[index].spec.name == name { batches[index].enabled = enabled }
        for index in processors.indices where processors[index].spec.name == name {
            let wasEnabled = processors[index].enabled
            processors[index].enabled = enabled
            if enabled, !wasEnabled, processors[index].consumer.members.isEmpty {
                for _ in 0..<max(1, processors[index].spec.members) {
                    addMember(to: &processors[index].consumer, nowMs: nowMs)
                }
                processors[index].consumer.lagTrend.restart()
                if processors[index].spec.start == .earliest { beginReplay(of: name) }
            }
        }
    }

    /// Moves a group's committed offsets the way `kafka-consumer-groups --reset-offsets` does:
    /// the members leave, the offsets are rewritten while the group is empty, the members rejoin.
    private func resetOffsets(_ group: String, to target: OffsetTarget) {
        let now = nowMs
        var memberCount = 0
        var topics: [String] = []
        withConsumer(group) { consumer in
            topics = consumer.topics
            memberCount = consumer.members.count
            for error in consumer.leaveAll(nowMs: now) { note("\(group): a member could not leave: \(error)") }
            consumer.lagTrend.restart()
        }
        let logTarget: OffsetResetTarget
        switch target {
        case .earliest: logTarget = .earliest
        case .latest: logTarget = .latest
        case .offset(let offset): logTarget = .offset(offset)
        case .ago(let ms): logTarget = .timestamp(now - ms)
        }
        do {
            let offsets = try log.resetOffsets(group: group, topics: topics, to: logTarget, nowMs: now)
            withConsumer(group) { $0.ledger.forget(from: offsets) }
            let listing = offsets.sorted { $0.key < $1.key }.map { "\($0.key)→\($0.value)" }.joined(separator: " ")
            feed.append(FeedEntry(timeMs: now, kind: .group(name: group, text: "\(group): offsets reset to \(target.text): \(listing)")))
        } catch {
            note("\(group): offsets not reset: \(error)")
        }
        withConsumer(group) { consumer in
            for _ in 0..<memberCount { addMember(to: &consumer, nowMs: now) }
        }
        if target == .earliest { beginReplay(of: group) }
    }

    private func setRetention(_ topic: String, _ retention: Retention) {
        do {
            try log.alterRetention(topic: topic, timeMs: retention.timeMs, bytes: retention.maxBytes.map { Int(clamping: $0) },
                                   records: retention.maxRecords.map { Int(clamping: $0) })
            note("\(topic): retention now \(retention.text)")
        } catch {
            note("\(topic): retention not changed: \(error)")
        }
    }

    func note(_ text: String) {
        feed.append(FeedEntry(timeMs: nowMs, kind: .script(text: text)))
    }

    static func milliseconds(_ ms: Double) -> String {
        ms >= 1000 ? String(format: "%.1f s", ms / 1000) : "\(Int(ms.rounded())) ms"
    }
}

extension OffsetTarget {
    /// The target as the reset-offsets tool names it.
    var text: String {
        switch self {
        case .earliest: "earliest"
        case .latest: "latest"
        case .offset(let offset): "offset \(offset)"
        case .ago(let ms): "\(Engine.seconds(ms)) ago"
        }
    }
}

extension Retention {
    /// The limits in words.
    var text: String {
        var parts: [String] = []
        parts.append(timeMs.map { "time \(Engine.seconds($0))" } ?? "time forever")
        if let maxRecords { parts.append("\(maxRecords) records") }
        if let maxBytes { parts.append("\(maxBytes) bytes") }
        return parts.joined(separator: ", ")
    }
}
