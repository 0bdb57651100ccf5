import Foundation
import Simulation

/// The progress line of a long headless run on stderr: shown once the run has taken
/// `Self.quietSeconds` of wall time, only when stderr is a terminal (logs and pipes stay clean),
/// rewritten in place at most once a wall second, and erased when the run ends.
final class HeadlessProgress {
    /// Runs shorter than this (wall seconds) never show the line.
    static let quietSeconds = 3.0

    private let clock = WallClock()
    private let totalMs: Int64?
    private let enabled: Bool
    private var lastShown = 0.0
    private var shown = false

    /// `totalMs` is the simulated time the run will stop at, when known (`--duration`, `--at`).
    init(totalMs: Int64?, enabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.totalMs = totalMs
        self.enabled = enabled
    }

    /// Called every simulated second: redraws the line when a wall second has passed.
    func update(_ engine: Engine) {
        guard enabled else { return }
        let now = clock.seconds
        guard now >= Self.quietSeconds, now - lastShown >= 1 else { return }
        lastShown = now
        shown = true
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + Self.line(nowMs: engine.nowMs, totalMs: totalMs, wallSeconds: now)).utf8))
    }

    /// Erases the line, so the summary starts on a clean terminal.
    func finish() {
        guard shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    /// The text: simulated time, the share of the total when known, and wall time so far.
    static func line(nowMs: Int64, totalMs: Int64?, wallSeconds: Double) -> String {
        let simulated = "\(clock(nowMs)) simulated"
        let share = totalMs.map { total in " of \(clock(total)) (\(total > 0 ? nowMs * 100 / total : 100) %)" } ?? ""
        return "streamstage: \(simulated)\(share), \(Int(wallSeconds)) s so far"
    }

    /// Simulated time as h:mm:ss.
    private static func clock(_ ms: Int64) -> String {
        let seconds = ms / 1000
        return String(format: "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
    }
}
