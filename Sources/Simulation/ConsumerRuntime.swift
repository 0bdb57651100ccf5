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
        var memberId: String
        var budgetMs: Double = 0
        /// When the record the member processed last is done (sim ms).
        var busyUntilMs: Double = 0
    }

    let name: String
    let topics: [String]
    let options: ConsumerOptions
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
    mutating func addMember(log: InProcessLog, nowMs: Int64) throws(StreamLogError) -> String {
        clientCounter += 1
        var memberOptions = options
        memberOptions.clientId = "consumer-\(name)-\(clientCounter)"
        let id = try log.joinGroup(name, options: memberOptions, nowMs: nowMs)
        members.append(Member(memberId: id))
        return id
    }

    /// Kills the newest live member: it stops polling and heartbeating, and keeps its partitions
    /// until its session times out. Returns its id, or nil when nobody is left.
    mutating func killMember(log: InProcessLog) -> String? {
        guard let victim = members.popLast() else { return nil }
        try? log.crashMember(name, memberId: victim.memberId)
        return victim.memberId
    }

    /// Polls and processes for one tick; `handle`, when given, sees every processed record.
    mutating func step(log: InProcessLog, nowMs: Int64, tickMs: Int64, handle: ((TopicPartition, RecordView) -> Void)? = nil) {
        guard !paused else {
            for member in members { try? log.heartbeat(name, memberId: member.memberId, nowMs: nowMs) }
            return
        }
        let group = name
        let perRecord = processing.perRecordMs
        let doneAt = Double(nowMs + tickMs)
        for index in members.indices {
            var member = members[index]
            if perRecord <= 0 {
                member.budgetMs = 0
                var remaining = Self.unlimitedPerTick
                while remaining > 0 {
                    let wanted = min(maxPollRecords, remaining)
                    let count = (try? log.poll(group, memberId: member.memberId, maxRecords: wanted, nowMs: nowMs) {
                        consume($0, $1, by: &member, perRecord: nil, doneAt: doneAt, handle: handle)
                    }) ?? 0
                    remaining -= count
                    if count < wanted { break }
                }
                commitIfManual(log: log, memberId: member.memberId, nowMs: nowMs)
            } else {
                member.budgetMs = min(member.budgetMs + Double(tickMs), Double(tickMs) + perRecord + processing.jitterMs)
                let affordable = Int(member.budgetMs / perRecord)
                let wanted = min(maxPollRecords, affordable)
                member.busyUntilMs = max(member.busyUntilMs, Double(nowMs))
                let count = (try? log.poll(group, memberId: member.memberId, maxRecords: wanted, nowMs: nowMs) {
                    consume($0, $1, by: &member, perRecord: perRecord, doneAt: doneAt, handle: handle)
                }) ?? 0
                if count > 0 { commitIfManual(log: log, memberId: member.memberId, nowMs: nowMs) }
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

    private func commitIfManual(log: InProcessLog, memberId: String, nowMs: Int64) {
        guard options.commitPolicy == .manual else { return }
        try? log.commit(name, memberId: memberId, offsets: nil, generation: nil, nowMs: nowMs)
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
