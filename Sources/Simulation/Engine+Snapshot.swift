import Scenario
import StreamLog

/// The world as a plain value for the dashboard.
extension Engine {
    /// Everything the dashboard shows, now.
    public func snapshot() -> WorldSnapshot {
        let now = nowMs
        return WorldSnapshot(
            title: scenario.title, scenarioId: scenario.id, layout: scenario.layout, tick: tick, nowMs: now,
            script: ScriptStatus(
                stepIndex: stepIndex, stepCount: scenario.script.count, marker: currentStep?.marker ?? "",
                say: currentStep?.say ?? "", advance: advanceDescription, stepElapsedMs: stepElapsedMs, ended: scriptEnded),
            topics: scenario.topics.map { topicSnapshot($0.name, label: $0.label ?? $0.name, isSink: $0.sink) }
                + externalTopics.map { topicSnapshot($0, label: $0, isSink: false) },
            producers: producers.map {
                ProducerSnapshot(
                    name: $0.spec.name, topic: $0.spec.topic, enabled: $0.enabled, configuredRate: $0.configuredRate(nowMs: now),
                    recordsPerSecond: $0.rate.perSecond, history: $0.rate.history, produced: $0.produced)
            },
            groups: groups.compactMap { groupStatus($0, stopped: nil) }
                + processors.compactMap { groupStatus($0.consumer, stopped: !$0.enabled) }
                + externalGroupNames.compactMap { externalGroupStatus($0) },
            processors: processors.map { processorSnapshot($0) },
            chains: chains.map { chainSnapshot($0, now: now) },
            batches: batches.map { batchSnapshot($0) },
            feed: Array(feed.entries),
            highlights: highlights, proofs: proofs())
    }

    private func topicSnapshot(_ name: String, label: String, isSink: Bool) -> TopicSnapshot {
        let records = topicRecords[name]
        let totals = topicTotals[name] ?? (0, 0)
        return TopicSnapshot(
            name: name, label: label, isSink: isSink,
            partitions: (try? log.offsets(topic: name)) ?? [], recordsPerSecond: records?.perSecond ?? 0,
            bytesPerSecond: topicBytes[name]?.perSecond ?? 0, history: records?.history ?? [],
            totalRecords: totals.records, totalBytes: totals.bytes)
    }

    /// A group's status; `stopped` is nil for a plain group, else whether its processor is
    /// stopped. nil for a group none of whose members has joined yet (the log has no such group
    /// yet); once one has, a group the log cannot report keeps its row, empty, with the log's reason.
    private func groupStatus(_ consumer: ConsumerRuntime, stopped: Bool?) -> GroupStatus? {
        var membership: GroupSnapshot
        let lag: GroupLag
        var unreported: String?
        do {
            membership = try log.group(consumer.name)
            lag = try self.lag(consumer, nowMs: nowMs)
        } catch {
            guard consumer.clientCounter > 0 else { return nil }
            (membership, lag, unreported) = (.unknown(consumer.name), .notFound(consumer.name), error.description)
        }
        let crashed = Set(consumer.crashed.map(\.memberId))
        for index in membership.members.indices where crashed.contains(membership.members[index].memberId) {
            membership.members[index].isCrashed = true
        }
        let isStopped = stopped ?? false
        let slope = consumer.lagTrend.slope
        let direction = LagDirection.judge(
            lag: lag.recordsLag, slope: slope, inRate: lag.produceRate,
            consuming: !consumer.paused && !isStopped && !consumer.members.isEmpty)
        return GroupStatus(
            name: consumer.name, isProcessor: stopped != nil, topics: consumer.topics, membership: membership, lag: lag,
            lagHistory: consumer.lagHistory, lagDirection: direction, consumedPerSecond: consumer.processed.perSecond,
            consumedHistory: consumer.processed.history, consumed: consumer.processedTotal, paused: consumer.paused, stopped: isStopped,
            perRecordMs: consumer.processing.perRecordMs, configuredPerRecordMs: consumer.baseProcessing.perRecordMs,
            latencyP50Ms: consumer.latency.percentile(50), latencyP99Ms: consumer.latency.percentile(99),
            liveMembers: consumer.members.count + membership.members.filter(\.isExternal).count, failedPolls: consumer.failedPolls,
            failedCommits: consumer.failedCommits, unreported: unreported)
    }

    private func processorSnapshot(_ processor: ProcessorRuntime) -> ProcessorSnapshot {
        ProcessorSnapshot(
            name: processor.spec.name, kind: processor.spec.kind.name, inputs: processor.spec.inputs,
            outputs: processor.spec.outputs, enabled: processor.enabled,
            recordsInPerSecond: processor.inRate.perSecond, recordsOutPerSecond: processor.outRate.perSecond,
            bytesInPerSecond: processor.inBytesRate.perSecond, bytesOutPerSecond: processor.outBytesRate.perSecond,
            recordsIn: processor.recordsIn, recordsOut: processor.recordsOut, bytesIn: processor.bytesIn,
            bytesOut: processor.bytesOut, savedPercent: processor.savedPercent, outHistory: processor.outRate.history)
    }

    private func chainSnapshot(_ chain: ChainDriver, now: Int64) -> ChainSnapshot {
        let runtime = chain.runtime
        let hops = runtime.hops.indices.map { index in
            ChainSnapshot.Hop(
                service: runtime.hops[index].service, latencyMs: runtime.hops[index].latencyMs,
                configuredLatencyMs: runtime.configuredLatency(hop: index),
                capacity: runtime.hops[index].capacity, busy: runtime.busySlots[index], queued: runtime.queued[index],
                failed: runtime.isFailed(runtime.hops[index].service))
        }
        return ChainSnapshot(
            name: chain.spec.name, enabled: chain.enabled, requestsPerSecond: chain.requests.perSecond,
            completedPerSecond: chain.completions.perSecond, failedPerSecond: chain.failures.perSecond,
            p50Ms: chain.latency.percentile(50), p99Ms: chain.latency.percentile(99), p99History: chain.p99History,
            completed: runtime.completed, failed: runtime.failed, timedOut: runtime.timedOut, lost: runtime.lost,
            inFlight: runtime.inFlight, hops: hops)
    }

    private func batchSnapshot(_ batch: BatchRuntime) -> BatchSnapshot {
        BatchSnapshot(
            name: batch.spec.name, from: batch.spec.from, to: batch.spec.to, everyMs: batch.spec.everyMs, runs: batch.runs,
            lastRunEndMs: batch.lastRunEndMs, nextRunMs: batch.nextRunMs, running: batch.pending != nil,
            lastResults: batch.lastResults, timeToInsightP50Ms: batch.timeToInsight.percentile(50),
            timeToInsightP99Ms: batch.timeToInsight.percentile(99))
    }
}

extension ProcessorKind {
    /// The kind's name as the scenario writes it.
    public var name: String {
        switch self {
        case .filter: "filter"
        case .map: "map"
        case .window: "window"
        case .join: "join"
        case .branch: "branch"
        }
    }
}
