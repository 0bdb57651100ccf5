import Foundation
import Scenario
import StreamLog

/// The end-of-run summary of a headless run: what happened, in numbers a presenter can quote.
public enum RunSummary {
    /// The summary text; `wallSeconds` is how long the run took (measured by the caller), `file`
    /// the scenario's path for the rehearsal's warnings (the scenario's id when not given);
    /// `seedPicked` marks a seed picked for `seed: 0`.
    public static func text(_ engine: Engine, wallSeconds: Double?, file: String? = nil, seedPicked: Bool = false) -> String {
        let snapshot = engine.snapshot()
        let simSeconds = Double(engine.nowMs) / 1000
        var lines: [String] = []
        var title = "\(snapshot.title) — seed \(engine.seed)\(seedPicked ? " (picked for seed 0)" : "") — \(format(simSeconds, 1)) s simulated"
        if let wallSeconds, wallSeconds > 0 {
            title += " in \(format(wallSeconds, 2)) s (\(twoSignificant(simSeconds / wallSeconds))× real time)"
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
        let shown = engine.shownAtStepEnds
        if !shown.isEmpty {
            lines.append("")
            lines.append("on screen as each step ended:")
            lines += shown.map { entry in
                "  step \(entry.step + 1) '\(steps[entry.step].marker)': "
                    + entry.values.map { "\($0.label) \($0.text)" }.joined(separator: " · ")
            }
        }
        if !snapshot.groups.isEmpty {
            lines.append("")
            lines += table(
                ["GROUP", "LAG", "LAG-S", "CONSUMED", "DUPLICATES", "P99-MS", "MEMBERS", "STATUS"],
                snapshot.groups.map { group in
                    [group.name, "\(group.lag.totalLag)", format(group.lag.maxLagSeconds ?? 0, 1), "\(group.consumed)",
                     "\(group.lag.duplicates)", group.latencyP99Ms.map { format($0, 0) } ?? "-", "\(group.liveMembers)",
                     status(group)]
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
        lines += rehearsalWarnings(engine, file: file ?? engine.scenario.id)
        lines += engine.logProblems.summaryLines
        return lines.joined(separator: "\n")
    }

    /// A group's status: STOPPED or PAUSED when that was deliberate, else Burrow's.
    static func status(_ group: GroupStatus) -> String {
        if group.unreported != nil { return "NOT REPORTED" }
        if group.stopped { return "STOPPED" }
        if group.paused { return "PAUSED" }
        return group.lag.status.description
    }

    /// The rehearsal's findings as a warning section (empty when every step showed its point).
    static func rehearsalWarnings(_ engine: Engine, file: String) -> [String] {
        guard !engine.rehearsalFindings.isEmpty else { return [] }
        return ["", "warnings — steps a live audience would not see (`streamstage validate --rehearse`):"]
            + engine.rehearsalFindings.map { "• " + $0.error(in: engine.scenario, file: file).description }
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

    /// A positive ratio with two significant digits (`0.63`, `1.3`, `13`; whole numbers from 10 up).
    static func twoSignificant(_ value: Double) -> String {
        guard value.isFinite, value > 0 else { return format(value, 0) }
        let decimals = max(0, 1 - Int(log10(value).rounded(.down)))
        return format(value, decimals)
    }

    static func format(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }
}
