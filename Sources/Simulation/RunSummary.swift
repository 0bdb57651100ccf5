import Foundation
import Scenario
import StreamLog

/// The end-of-run summary of a headless run: what happened, in numbers a presenter can quote.
public enum RunSummary {
    /// The summary text; `wallSeconds` is how long the run took (measured by the caller);
    /// `seedPicked` marks a seed picked for `seed: 0`.
    public static func text(_ engine: Engine, wallSeconds: Double?, seedPicked: Bool = false) -> String {
        let snapshot = engine.snapshot()
        let simSeconds = Double(engine.nowMs) / 1000
        var lines: [String] = []
        var title = "\(snapshot.title) — seed \(engine.seed)\(seedPicked ? " (picked for seed 0)" : "") — \(format(simSeconds, 1)) s simulated"
        if let wallSeconds, wallSeconds > 0 {
            title += " in \(format(wallSeconds, 2)) s (\(format(simSeconds / wallSeconds, 0))× real time)"
        }
        lines.append(title)
        let steps = engine.scenario.script
        let reached = engine.scriptEnded ? steps.count : engine.stepIndex
        var script = "steps: \(reached)/\(steps.count) completed"
        if engine.timedOutSteps.isEmpty {
            script += "; every condition fired before its timeout"
        } else {
            let names = engine.timedOutSteps.map { "\($0 + 1) '\(steps[$0].marker)'" }.joined(separator: ", ")
            script += "; timed out waiting: step \(names)"
        }
        lines.append(script)
        let headlines = engine.headlines()
        if !headlines.isEmpty {
            lines.append("")
            lines += headlines.map { "• " + $0.text }
        }
        if !snapshot.groups.isEmpty {
            lines.append("")
            lines += table(
                ["GROUP", "LAG", "LAG-S", "CONSUMED", "DUPLICATES", "P99-MS", "MEMBERS", "STATUS"],
                snapshot.groups.map { group in
                    [group.name, "\(group.lag.totalLag)", format(group.lag.maxLagSeconds ?? 0, 1), "\(group.consumed)",
                     "\(group.lag.duplicates)", group.latencyP99Ms.map { format($0, 0) } ?? "-", "\(group.liveMembers)",
                     group.lag.status.description]
                })
        }
        if !snapshot.chains.isEmpty {
            lines.append("")
            lines += table(
                ["CHAIN", "COMPLETED", "FAILED", "TIMED-OUT", "LOST", "P50-MS", "P99-MS"],
                snapshot.chains.map { chain in
                    [chain.name, "\(chain.completed)", "\(chain.failed)", "\(chain.timedOut)", "\(chain.lost)",
                     chain.p50Ms.map { format($0, 0) } ?? "-", chain.p99Ms.map { format($0, 0) } ?? "-"]
                })
        }
        if !snapshot.processors.isEmpty {
            lines.append("")
            lines += table(
                ["PROCESSOR", "KIND", "RECORDS-IN", "RECORDS-OUT", "BYTES-IN", "BYTES-OUT", "SAVED"],
                snapshot.processors.map { processor in
                    [processor.name, processor.kind, "\(processor.recordsIn)", "\(processor.recordsOut)", "\(processor.bytesIn)",
                     "\(processor.bytesOut)", processor.savedPercent.map { format($0, 1) + " %" } ?? "-"]
                })
        }
        if !snapshot.batches.isEmpty {
            lines.append("")
            lines += table(
                ["BATCH", "RUNS", "TIME-TO-INSIGHT-P50", "TIME-TO-INSIGHT-P99"],
                snapshot.batches.map { batch in
                    [batch.name, "\(batch.runs)", batch.timeToInsightP50Ms.map { format($0 / 1000, 1) + " s" } ?? "-",
                     batch.timeToInsightP99Ms.map { format($0 / 1000, 1) + " s" } ?? "-"]
                })
        }
        return lines.joined(separator: "\n")
    }

    /// Left-aligned columns separated by two spaces, like the Kafka tools print.
    static func table(_ header: [String], _ rows: [[String]]) -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            var line = ""
            for (column, cell) in row.enumerated() {
                line += column == row.count - 1 ? cell : cell.padding(toLength: widths[column] + 2, withPad: " ", startingAt: 0)
            }
            return line
        }
    }

    static func format(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }
}
