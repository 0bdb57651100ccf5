import Foundation
import Simulation
import StreamLog

/// `--export-metrics`: one CSV row per simulated second per entity.
///
/// Columns (empty where a column does not apply to the kind):
/// `time_s` simulated seconds · `kind` topic|producer|group|processor|chain|batch · `name` ·
/// `in_per_s` records (requests) per second in · `out_per_s` records per second out ·
/// `bytes_in_per_s` · `bytes_out_per_s` · `lag` messages behind (groups, processors) ·
/// `lag_s` the oldest unconsumed record's age · `p50_ms` / `p99_ms` latency (append → processed
/// for groups, end to end for chains, time-to-insight for batch jobs) · `members` ·
/// `errors` failed requests · `lost` failed + timed-out requests · `total` records produced,
/// consumed or completed so far (runs for batch jobs).
public enum MetricsExport {
    public static let header =
        "time_s,kind,name,in_per_s,out_per_s,bytes_in_per_s,bytes_out_per_s,lag,lag_s,p50_ms,p99_ms,members,errors,lost,total"

    /// The rows for one snapshot.
    public static func rows(_ snapshot: WorldSnapshot) -> [String] {
        let time = format(Double(snapshot.nowMs) / 1000)
        var rows: [String] = []
        func row(_ kind: String, _ name: String, _ values: [Double?]) {
            rows.append(([time, kind, name] + values.map { $0.map(format) ?? "" }).joined(separator: ","))
        }
        for topic in snapshot.topics {
            row("topic", topic.name, [topic.recordsPerSecond, nil, topic.bytesPerSecond, nil, nil, nil, nil, nil, nil, nil, nil,
                                      Double(topic.totalRecords)])
        }
        for producer in snapshot.producers {
            row("producer", producer.name, [nil, producer.recordsPerSecond, nil, nil, nil, nil, nil, nil, nil, nil, nil,
                                            Double(producer.produced)])
        }
        for group in snapshot.groups {
            let processor = snapshot.processors.first { $0.name == group.name }
            row(group.isProcessor ? "processor" : "group", group.name, [
                processor?.recordsInPerSecond ?? group.consumedPerSecond, processor?.recordsOutPerSecond,
                processor?.bytesInPerSecond, processor?.bytesOutPerSecond, Double(group.lag.totalLag),
                group.lag.maxLagSeconds ?? (group.lag.totalLag > 0 ? nil : 0), group.latencyP50Ms, group.latencyP99Ms, Double(group.liveMembers), nil, nil,
                Double(group.consumed),
            ])
        }
        for chain in snapshot.chains {
            row("chain", chain.name, [chain.requestsPerSecond, chain.completedPerSecond, nil, nil, nil, nil, chain.p50Ms,
                                      chain.p99Ms, nil, Double(chain.failed), Double(chain.lost), Double(chain.completed)])
        }
        for batch in snapshot.batches {
            row("batch", batch.name, [nil, nil, nil, nil, nil, nil, batch.timeToInsightP50Ms, batch.timeToInsightP99Ms, nil, nil,
                                      nil, Double(batch.runs)])
        }
        return rows
    }

    /// Numbers with at most three decimals, no trailing zeros, and no exponent.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(format: "%.3f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
