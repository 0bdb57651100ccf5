import Scenario
import StreamLog

/// A consumer group's members as the engine runs them: who is alive, how much processing time
/// each has, and what the group has processed.
///
/// Every live member gets one tick of processing time per tick; a record costs `per_record`
/// (± jitter) of it, so a group's capacity is members × 1000 / per_record records per second.
/// A member polls only what it can process in the time it has, so positions never run ahead of
/// processing and a crash re-delivers exactly what was not committed. `per_record: 0` means as
/// fast as the log can hand records out.
///
/// Latency is append → processed: a member works through its records one after another, each
/// finishing `per_record` after the previous one (or after the poll, when it was idle).
struct ConsumerRuntime {
    /// A member of the group that this engine still drives (crashed members are dropped).
    struct Member {
        let client: ConsumerClient
        var memberId: String { client.memberId }
        var budgetMs: Double = 0
        /// True while its polls keep failing (the feed hears of the first failure only).
        var pollFailing = false
        /// True while its heartbeats keep failing (the feed hears of the first failure only).
        var heartbeatFailing = false
        /// When the record the member processed last is done (sim ms).
        var busyUntilMs: Double = 0
    }

    let name: String
    let topics: [String]
    /// The consumer configuration every member joins with.
    var options: ConsumerOptions
    let baseProcessing: Processing
    let maxPollRecords: Int
    var processing: Processing
    var members: [Member] = []
    var paused = false
    var random: SeededRandom
    var processed: RateMeter
    var latency = LatencyWindow()
    var lagHistory: [Double] = []
    var lagTrend = LagTrend(windowMs: ConsumerRuntime.trendWindowMs)
    var processedTotal: Int64 = 0
    var clientCounter = 0
    /// What the group's consumers were handed (shared by its members).
    let ledger = DeliveryLedger()
    /// Members that crashed, until the coordinator times them out: their positions still count.
    var crashed: [ConsumerClient] = []
    /// Polls the backend refused.
    var failedPolls = 0

    /// Records one poll may return when processing is free: as fast as the log hands them out.
    static let unlimitedPerTick = 200_000

    init(name: String, topics: [String], processing: Processing, commit: Scenario.CommitPolicy,
         assignment: Assignment, start: StartPosition, sessionTimeoutMs: Int64, maxPollRecords: Int,
         random: SeededRandom, tickMs: Int64) {
        self.name = name
        self.topics = topics
        var options = ConsumerOptions(topics: topics)
        options.strategy = assignment.strategy
        options.sessionTimeoutMs = sessionTimeoutMs
        options.autoOffsetReset = start == .earliest ? .earliest : .latest
        options.commitPolicy = commit.logPolicy
        self.options = options
        baseProcessing = processing
        self.processing = processing
        self.maxPollRecords = max(1, maxPollRecords)
        self.random = random
        processed = RateMeter(tickMs: tickMs)
    }

    /// How far back the lag trend looks.
    static let trendWindowMs: Int64 = 2_000

    /// Joins one new member; returns its member id.
    mutating func addMember(log: any StreamLogBackend, nowMs: Int64) throws(StreamLogError) -> String {
        clientCounter += 1
        var memberOptions = options
        memberOptions.clientId = "consumer-\(name)-\(clientCounter)"
        let client = ConsumerClient(group: name, options: memberOptions, backend: log, ledger: ledger, nowMs: nowMs)
        let id = try client.join(nowMs: nowMs)
        members.append(Member(client: client))
        return id
    }

    /// Kills the newest live member: it stops polling and heartbeating, and keeps its partitions
    /// until its session times out. Returns its id, or nil when nobody is left.
    mutating func killMember() -> String? {
        guard let victim = members.popLast() else { return nil }
        victim.client.crash()
        crashed.append(victim.client)
        return victim.memberId
    }

    /// Every live member leaves the group cleanly; returns the refusals.
    mutating func leaveAll(nowMs: Int64) -> [StreamLogError] {
        var errors: [StreamLogError] = []
        for member in members {
            do { try member.client.leave(nowMs: nowMs) } catch { errors.append(error) }
        }
        members = []
        return errors
    }

    /// Heartbeats for every live member (paused and stopped consumers heartbeat too).
    mutating func heartbeat(nowMs: Int64) {
        for index in members.indices {
            do {
                try members[index].client.heartbeat(nowMs: nowMs)
                members[index].heartbeatFailing = false
            } catch {
                if !members[index].heartbeatFailing {
                    members[index].client.backend.report(
                        .heartbeatFailed(group: name, memberId: members[index].memberId, error: error))
                }
                members[index].heartbeatFailing = true
            }
        }
    }

    /// The consumers' side of the lag: positions (crashed members' too, until they time out),
    /// reset policy and deliveries.
    var progress: ConsumerProgress {
        var positions: [String: [TopicPartition: Int64]] = [:]
        for client in crashed { positions[client.memberId] = client.positions }
        for member in members { positions[member.memberId] = member.client.positions }
        return ConsumerProgress(positions: positions, resetPolicy: options.autoOffsetReset, deliveries: ledger.deliveries)
    }

    /// Polls and processes for one tick; `handle`, when given, sees every processed record.
    mutating func step(nowMs: Int64, tickMs: Int64, handle: ((TopicPartition, RecordView) -> Void)? = nil) {
        heartbeat(nowMs: nowMs)
        guard !paused else { return }
        let perRecord = processing.perRecordMs
        let doneAt = Double(nowMs + tickMs)
        for index in members.indices {
            var member = members[index]
            if perRecord <= 0 {
                member.budgetMs = 0
                var remaining = Self.unlimitedPerTick
                while remaining > 0 {
                    let wanted = min(maxPollRecords, remaining)
                    let polled = Self.poll(member.client, maxRecords: wanted, nowMs: nowMs) {
                        consume($0, $1, by: &member, perRecord: nil, doneAt: doneAt, handle: handle)
                    }
                    let count = note(polled, by: &member)
                    remaining -= count
                    if count < wanted { break }
                }
                commitIfManual(member.client, nowMs: nowMs)
            } else {
                member.budgetMs = min(member.budgetMs + Double(tickMs), Double(tickMs) + perRecord + processing.jitterMs)
                let affordable = Int(member.budgetMs / perRecord)
                let wanted = min(maxPollRecords, affordable)
                member.busyUntilMs = max(member.busyUntilMs, Double(nowMs))
                let polled = Self.poll(member.client, maxRecords: wanted, nowMs: nowMs) {
                    consume($0, $1, by: &member, perRecord: perRecord, doneAt: doneAt, handle: handle)
                }
                let count = note(polled, by: &member)
                if count > 0 { commitIfManual(member.client, nowMs: nowMs) }
                if count == 0 { member.budgetMs = min(member.budgetMs, perRecord) }
            }
            members[index] = member
        }
    }

    /// Closes a tick for the meters.
    mutating func endTick() {
        processed.endTick()
    }

    /// Adds a lag sample to the trend.
    mutating func sampleLag(_ totalLag: Int64, atMs nowMs: Int64) {
        lagTrend.record(lag: totalLag, atMs: nowMs)
    }

    /// Closes a simulated second: rolls the latency window and records the lag history.
    mutating func endSecond(totalLag: Int64) {
        latency.rotate()
        lagHistory.append(Double(totalLag))
        if lagHistory.count > RateMeter.historyLength { lagHistory.removeFirst() }
    }

    /// Counts a polled run of records and their append → processed latencies, copying records
    /// only for `handle`. With `perRecord`, the member works through the records one after
    /// another on its busy clock, paying each one's cost from its budget; without, all are done
    /// at `doneAt` (one histogram entry per stretch of equal timestamps).
    private mutating func consume(
        _ topicPartition: TopicPartition, _ records: RecordBatch, by member: inout Member,
        perRecord: Double?, doneAt: Double, handle: ((TopicPartition, RecordView) -> Void)?
    ) {
        processed.add(Double(records.count))
        processedTotal += Int64(records.count)
        if let perRecord {
            for record in records {
                let spent = cost(perRecord)
                member.budgetMs -= spent
                member.busyUntilMs += spent
                latency.record(ms: member.busyUntilMs - Double(record.timestamp))
            }
        } else {
            var start = records.startIndex
            while start < records.endIndex {
                let timestamp = records[start].timestamp
                var end = start + 1
                while end < records.endIndex, records[end].timestamp == timestamp { end += 1 }
                latency.record(ms: doneAt - Double(timestamp), count: UInt64(end - start))
                start = end
            }
        }
        if let handle {
            for record in records { handle(topicPartition, record) }
        }
    }

    private mutating func cost(_ perRecord: Double) -> Double {
        guard processing.jitterMs > 0 else { return perRecord }
        return max(0, perRecord + (random.unit() * 2 - 1) * processing.jitterMs)
    }

    private func commitIfManual(_ client: ConsumerClient, nowMs: Int64) {
        guard options.commitPolicy == .manual else { return }
        do {
            try client.commitSync(nowMs: nowMs)
        } catch {
            // Counted by the client and shown in the feed (by the coordinator or the client).
        }
    }

    /// One poll, its refusal as a value.
    private static func poll(
        _ client: ConsumerClient, maxRecords: Int, nowMs: Int64, _ body: (TopicPartition, RecordBatch) -> Void
    ) -> Result<Int, StreamLogError> {
        Result { () throws(StreamLogError) in try client.poll(maxRecords: maxRecords, nowMs: nowMs, body) }
    }

    /// How many records a poll delivered; a refused one is counted, and the first of a run of
    /// refusals becomes a `pollFailed` event in the feed.
    private mutating func note(_ polled: Result<Int, StreamLogError>, by member: inout Member) -> Int {
        switch polled {
        case .success(let count):
            member.pollFailing = false
            return count
        case .failure(let error):
            failedPolls += 1
            if !member.pollFailing {
                member.client.backend.report(.pollFailed(group: name, memberId: member.memberId, error: error))
            }
            member.pollFailing = true
            return 0
        }
    }

    /// Commits refused over all members, crashed ones included.
    var failedCommits: Int {
        members.reduce(0) { $0 + $1.client.failedCommits } + crashed.reduce(0) { $0 + $1.failedCommits }
    }
}

extension Scenario.CommitPolicy {
    /// The log's commit policy for a scenario's `commit:` setting. `manual` in a scenario means
    /// the application commits each processed batch itself (commitSync), which the engine does.
    var logPolicy: StreamLog.CommitPolicy {
        switch self {
        case .auto(let every): .auto(intervalMs: every)
        case .perBatch: .afterEachBatch
        case .manual: .manual
        }
    }
}

extension Assignment {
    /// The log's assignment strategy for a scenario's `assignment:` setting.
    var strategy: AssignmentStrategy {
        switch self {
        case .range: .range
        case .roundRobin: .roundRobin
        case .sticky: .sticky
        case .cooperativeSticky: .cooperativeSticky
        }
    }
}
