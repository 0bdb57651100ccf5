import Scenario
import StreamLog

/// Keeping the story measurements up to date as the world runs.
extension Engine {
    /// Updates the measurements after a tick's work, at its time `now`.
    func observeInsights(now: Int64) {
        for (name, totals) in topicTotals where totals.records > 0 && insights.firstRecordMs[name] == nil {
            insights.firstRecordMs[name] = now
        }
        observeReplays(now: now)
        for group in groups where insights.unsettled.contains(group.name) {
            guard var tracker = insights.stalls[group.name], let snapshot = try? log.group(group.name) else { continue }
            let live = Set(group.members.map(\.memberId))
            let owning = snapshot.members.contains { live.contains($0.memberId) && !$0.assignment.isEmpty }
            tracker.observe(owning: owning, liveMembers: live.count, generation: snapshot.generation, nowMs: now)
            insights.stalls[group.name] = tracker
            if snapshot.state == .stable && (owning || live.isEmpty) { insights.unsettled.remove(group.name) }
        }
        if (tick + 1) % ticksPerSecond == 0 { observeSkew(now: now) }
    }

    /// Starts measuring a replay of `name` from the earliest offset (not at the very start).
    func beginReplay(of name: String) {
        guard nowMs > 0, let consumer = consumer(named: name) else { return }
        var history: Int64 = 0
        var missed: Int64 = 0
        for topic in consumer.topics {
            for partition in (try? log.offsets(topic: topic)) ?? [] {
                history += partition.logEndOffset - partition.logStartOffset
                missed += partition.logStartOffset
            }
        }
        let others = consumers(readingAnyOf: consumer.topics).filter { $0.name != name }
        insights.replays.append(Replay(
            consumer: name, startMs: nowMs, history: history, missed: missed, processedAtStart: consumer.processedTotal,
            othersAtStart: others.map { ($0.name, $0.processedTotal) }))
    }

    /// Notes a producer a script action started.
    func noteProducerStarted(_ name: String) {
        guard nowMs > 0 else { return }
        insights.producerStarts.append((name, nowMs))
    }

    /// Notes a group a script action added, and starts watching it.
    func noteGroupAdded(_ spec: GroupSpec) {
        insights.addedGroups.append((spec.name, nowMs))
        if spec.start == .earliest { beginReplay(of: spec.name) }
    }

    /// Starts the per-group trackers for a group the engine just created.
    func watch(_ spec: GroupSpec) {
        insights.stalls[spec.name] = StallTracker(strategy: spec.assignment.rawValue)
        insights.unsettled.insert(spec.name)
        if let field = spec.orderKey { insights.ordering[spec.name] = OrderTracker(field: field) }
    }

    /// The groups and processors subscribed to any of `topics`.
    func consumers(readingAnyOf topics: [String]) -> [ConsumerRuntime] {
        (groups + processors.filter(\.enabled).map(\.consumer)).filter { !Set($0.topics).isDisjoint(with: topics) }
    }

    private func observeReplays(now: Int64) {
        for index in insights.replays.indices where insights.replays[index].caughtUpMs == nil {
            let replay = insights.replays[index]
            guard let consumer = consumer(named: replay.consumer),
                consumer.processedTotal - replay.processedAtStart >= replay.history
            else { continue }
            insights.replays[index].caughtUpMs = now
            insights.replays[index].othersDuring = replay.othersAtStart.compactMap { other in
                self.consumer(named: other.name).map { (other.name, $0.processedTotal - other.processed) }
            }
        }
    }

    private func observeSkew(now: Int64) {
        for group in groups {
            guard let lag = try? lag(group, nowMs: now), lag.partitions.count > 1 else { continue }
            let lags = lag.partitions.map { ($0, $0.lag ?? 0) }
            guard let hottest = lags.max(by: { $0.1 < $1.1 }), hottest.1 > (insights.skew[group.name]?.lag ?? 0) else { continue }
            let others = lags.filter { $0.0.topicPartition != hottest.0.topicPartition }.map(\.1).max() ?? 0
            insights.skew[group.name] = PartitionSkew(
                atMs: now, partition: hottest.0.topicPartition, owner: hottest.0.ownerMemberId, lag: hottest.1,
                othersMaxLag: others, otherPartitions: lag.partitions.count - 1)
        }
    }
}
