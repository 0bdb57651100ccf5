import Scenario
import StreamLog

/// The observed cluster as the dashboard's world, and the feed lines for membership changes.
extension ClusterObserver {
    /// Everything the dashboard shows, as of the last sample.
    public func snapshot() -> WorldSnapshot {
        let topicNames = topics.keys.sorted()
        let groupStatuses = groups.keys.sorted().compactMap { name in groups[name].map { groupStatus(name, $0) } }
        return WorldSnapshot(
            title: "watch \(bootstrap)", scenarioId: "watch", layout: .log, tick: 0, nowMs: elapsedMs,
            script: ScriptStatus(stepIndex: 0, stepCount: 0, marker: "", say: narration(topicNames: topicNames),
                                 advance: "watching \(bootstrap)", stepElapsedMs: elapsedMs, ended: false),
            topics: topicNames.compactMap { name in topics[name].map { topicSnapshot(name, $0) } },
            producers: [], groups: groupStatuses, processors: [], chains: [], batches: [], feed: feed, highlights: [],
            proofs: [], cluster: ClusterStatus(
                bootstrap: bootstrap, clusterId: clusterId, brokersUp: brokers.filter(\.up).count, brokersTotal: brokers.count,
                controllerId: controllerId, ratios: ratios()))
    }

    /// The narration row: what the watch follows, or what is wrong (a problem with the last
    /// pass, a pattern that matches nothing — the watch goes on either way).
    func narration(topicNames: [String]) -> String {
        var parts: [String] = []
        if let problem { parts.append(problem) }
        if !sampled { parts.append("connecting to \(bootstrap)…") }
        if sampled, topicNames.isEmpty {
            parts.append(selection.topicPattern.map { "no topic matches --topics '\($0)' (still watching)" } ?? "no topics on the cluster yet (still watching)")
        }
        if sampled, groups.isEmpty, let pattern = selection.groupPattern {
            parts.append("no group matches --groups '\(pattern)' (still watching)")
        }
        if parts.isEmpty {
            parts.append("\(topicNames.count) topic\(topicNames.count == 1 ? "" : "s"), \(groups.count) group\(groups.count == 1 ? "" : "s")")
        }
        return parts.joined(separator: " · ")
    }

    private func topicSnapshot(_ name: String, _ state: WatchedTopic) -> TopicSnapshot {
        let partitions = state.watermarks.enumerated().map { index, marks in
            ObservedLag.offsets(TopicPartition(name, index), logStart: marks?.low ?? 0, logEnd: marks?.high ?? 0)
        }
        return TopicSnapshot(
            name: name, label: name, isSink: false, partitions: partitions, recordsPerSecond: state.recordsPerSecond,
            bytesPerSecond: state.bytesPerSecond, history: state.history, totalRecords: state.totalRecords,
            totalBytes: Int64((state.totalBytes ?? 0).rounded()))
    }

    /// A group's lag now: every partition of the topics its members are assigned or it committed.
    func lag(of state: FollowedGroup) -> GroupLag {
        let description = state.description
        var owners: [TopicPartition: String] = [:]
        for member in description.members { for partition in member.partitions { owners[partition] = member.memberId } }
        let topicNames = Set(owners.keys.map(\.topic)).union(description.committed.keys.map(\.topic))
        var partitions: [ObservedPartition] = []
        for name in topicNames.sorted() {
            guard let topic = topics[name] else { continue }
            for (index, marks) in topic.watermarks.enumerated() {
                let partition = TopicPartition(name, index)
                guard let marks else { continue }
                let committed = description.committed[partition]
                let read = committedRecords[partition].flatMap { read -> (offset: Int64, timestampMs: Int64)? in
                    guard let committed, read.offset <= committed else { return nil }
                    return (read.offset, read.timestampMs)
                }
                partitions.append(ObservedPartition(
                    topicPartition: partition, logStartOffset: marks.low, logEndOffset: marks.high, committedOffset: committed,
                    ownerMemberId: owners[partition], committedRecord: read, produceRate: 0,
                    consumeRate: state.consumeRates[partition] ?? 0, commitWindow: state.windows[partition] ?? []))
            }
        }
        return ObservedLag.group(description.name, state: ClusterObserver.groupState(description.state), partitions: partitions, nowMs: nowMs)
    }

    private func groupStatus(_ name: String, _ state: FollowedGroup) -> GroupStatus {
        var lag = lag(of: state)
        lag.produceRate = Set(lag.partitions.map(\.topicPartition.topic)).reduce(0) { $0 + (topics[$1]?.recordsPerSecond ?? 0) }
        let description = state.description
        let strategy = AssignmentStrategy.allCases.first { $0.kafkaName == description.assignor }
        let members = description.members.map {
            MemberSnapshot(memberId: $0.memberId, clientId: $0.clientId, groupInstanceId: nil, host: $0.host,
                           topics: Array(Set($0.partitions.map(\.topic))).sorted(), generation: 0, assignment: $0.partitions,
                           lastHeartbeatMs: 0, sessionTimeoutMs: 0)
        }
        let membership = ObservedLag.membership(name, state: ClusterObserver.groupState(description.state), strategy: strategy, members: members)
        let direction = LagDirection.judge(lag: lag.totalLag, slope: state.trend.slope, inRate: lag.produceRate,
                                           consuming: !members.isEmpty)
        return GroupStatus(
            name: name, isProcessor: false, topics: lag.partitions.map(\.topicPartition.topic).uniqued(), membership: membership,
            lag: lag, lagHistory: state.lagHistory, lagDirection: direction, consumedPerSecond: state.consumedPerSecond,
            consumedHistory: state.consumedHistory, consumed: state.consumed, paused: false, stopped: false, perRecordMs: 0,
            configuredPerRecordMs: 0, latencyP50Ms: nil, latencyP99Ms: nil, liveMembers: members.count)
    }

    /// `--ratio` shares since the watch began.
    private func ratios() -> [TopicRatio] {
        selection.ratios.map { pair in
            let input = topics[pair.input]
            let output = topics[pair.output]
            let records = input.flatMap { input in
                output.flatMap { input.totalRecords > 0 ? Double($0.totalRecords) * 100 / Double(input.totalRecords) : nil }
            }
            var bytes: Double?
            if let input, let output, let inBytes = input.totalBytes, inBytes > 0 {
                bytes = output.totalRecords == 0 ? 0 : output.totalBytes.map { $0 * 100 / inBytes }
            }
            return TopicRatio(input: pair.input, output: pair.output, bytesPercent: bytes, recordsPercent: records)
        }
    }

    /// Feed lines for what changed in a group between two descriptions: a rebalance starting,
    /// members joining or leaving, partitions moving, the group emptying.
    func membershipEvents(from old: ClusterSample.Group, to new: ClusterSample.Group) {
        let name = new.name
        let rebalancing: Set<String> = ["PreparingRebalance", "CompletingRebalance"]
        if new.state != old.state, rebalancing.contains(new.state) {
            event(.group(name: name, text: "rebalancing (\(new.state))"))
        }
        let before = Set(old.members.map(\.memberId))
        let after = Set(new.members.map(\.memberId))
        let joined = new.members.filter { !before.contains($0.memberId) }.map(\.clientId)
        let left = old.members.filter { !after.contains($0.memberId) }.map(\.clientId)
        if !joined.isEmpty || !left.isEmpty {
            var text = "rebalance: \(Self.members(old.members.count)) → \(new.members.count)"
            if !joined.isEmpty { text += ", joined \(joined.sorted().joined(separator: ", "))" }
            if !left.isEmpty { text += ", left \(left.sorted().joined(separator: ", "))" }
            event(.group(name: name, text: text))
        } else if Self.assignment(old) != Self.assignment(new), !new.members.isEmpty {
            event(.group(name: name, text: "rebalance: partitions moved between \(Self.members(new.members.count))"))
        }
        if new.state == "Empty", old.state != "Empty" {
            event(.group(name: name, text: "no active members (Empty)"))
        }
    }

    private static func assignment(_ group: ClusterSample.Group) -> [String: [TopicPartition]] {
        Dictionary(group.members.map { ($0.memberId, $0.partitions.sorted()) }, uniquingKeysWith: { $1 })
    }
}

extension ClusterObserver {
    /// Kafka's state name as the log's state; `Dead` (and anything unknown) for a group that is gone.
    static func groupState(_ name: String) -> GroupState {
        GroupState(rawValue: name) ?? .dead
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
