import Scenario
import StreamLog

/// A periodic batch job as the engine runs it: "slow data".
///
/// Every period it reads what was appended to its topic since its last run, aggregates it, and
/// publishes the results `runtime` later. A record's time-to-insight is the publication time
/// minus the record's timestamp: up to a whole period plus the runtime, however fast the job is.
struct BatchRuntime {
    let spec: BatchSpec
    var enabled: Bool
    var nextRunMs: Int64
    var nextOffsets: [Int: Int64] = [:]
    var pending: (publishAtMs: Int64, results: [Value], timestamps: [Int64])?
    /// The results of the last completed run, one value per group.
    var lastResults: [Value] = []
    var lastRunEndMs: Int64?
    var runs = 0
    var recordsRead: Int64 = 0
    var timeToInsight = LatencyWindow(seconds: 3_600)
    var outRate: RateMeter

    init(spec: BatchSpec, tickMs: Int64) {
        self.spec = spec
        enabled = spec.enabled
        nextRunMs = spec.everyMs
        outRate = RateMeter(tickMs: tickMs)
    }

    /// Starts a run when one is due and publishes a finished run; returns records to write.
    /// What the log refuses (listing offsets, a fetch) goes to `problem` as a topic feed line.
    mutating func step(log: any StreamLogBackend, nowMs: Int64, problem: (FeedEntry.Kind) -> Void) -> [OutputRecord] {
        var output: [OutputRecord] = []
        if let pending, nowMs >= pending.publishAtMs {
            for timestamp in pending.timestamps { timeToInsight.record(ms: Double(pending.publishAtMs - timestamp)) }
            lastResults = pending.results
            lastRunEndMs = pending.publishAtMs
            runs += 1
            if let to = spec.to {
                output = pending.results.map { OutputRecord(topic: to, key: nil, value: $0) }
            }
            self.pending = nil
        }
        if enabled, nowMs >= nextRunMs, pending == nil {
            let (results, timestamps) = run(log: log, problem: problem)
            pending = (nowMs + spec.runtimeMs, results, timestamps)
            nextRunMs = nowMs + spec.everyMs
        }
        return output
    }

    /// Reads everything new, per partition, and aggregates it per group; a partition the log
    /// refuses to read is reported and read again from the same offset next run.
    private mutating func run(log: any StreamLogBackend, problem: (FeedEntry.Kind) -> Void) -> ([Value], [Int64]) {
        var window = WindowRuntime(sizeMs: .max / 4, groupBy: spec.groupBy, aggregations: spec.aggregations)
        var timestamps: [Int64] = []
        let partitions: [PartitionOffsets]
        do {
            partitions = try log.offsets(topic: spec.from)
        } catch {
            problem(.topic(name: spec.from, text: "batch \(spec.name): cannot list the offsets of \(spec.from): \(error)"))
            partitions = []
        }
        for offsets in partitions {
            var next = max(nextOffsets[offsets.topicPartition.partition] ?? offsets.logStartOffset, offsets.logStartOffset)
            while next < offsets.logEndOffset {
                let records: [Record]
                do {
                    records = try log.fetch(offsets.topicPartition, from: next, maxRecords: 10_000)
                } catch {
                    problem(.topic(name: spec.from, text: "batch \(spec.name): fetch from \(offsets.topicPartition) failed: \(error)"))
                    break
                }
                guard let last = records.last else { break }
                for record in records {
                    let value = record.json ?? .null  // a value that is not JSON has no fields
                    guard spec.filter?.matches(value) ?? true else { continue }
                    _ = window.add(value, timeMs: 0)
                    timestamps.append(record.timestamp)
                }
                recordsRead += Int64(records.count)
                next = last.offset + 1
            }
            nextOffsets[offsets.topicPartition.partition] = next
        }
        let results = window.advance(toMs: .max).map { result -> Value in
            guard case .object(var fields) = result.value else { return result.value }
            fields["window_start"] = nil
            fields["window_end"] = nil
            return .object(fields)
        }
        return (results, timestamps)
    }
}
