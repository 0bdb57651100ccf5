import Foundation

/// Wall-clock timing and process memory for `streamstage bench` (the engine never reads them).
enum BenchClock {
    /// Seconds `body` takes on the monotonic clock.
    static func seconds<Failure: Error>(_ body: () throws(Failure) -> Void) throws(Failure) -> Double {
        let start = ContinuousClock.now
        try body()
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// The fastest of `repeats` timings of `body` (the least disturbed by other processes).
    static func fastest(of repeats: Int, _ body: () -> Void) -> Double {
        (0..<max(1, repeats)).map { _ in seconds(body) }.min() ?? 0
    }
}

/// The resident memory of this process, from /proc/self/status.
enum ProcessMemory {
    /// Current resident set size in MB (VmRSS), or nil where /proc is unavailable.
    static var residentMB: Double? { field("VmRSS:") }

    /// Peak resident set size in MB (VmHWM), or nil where /proc is unavailable.
    static var peakMB: Double? { field("VmHWM:") }

    /// Resets the peak to the current resident size (Linux `clear_refs` 5); false if refused.
    @discardableResult
    static func resetPeak() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        return (try? handle.write(contentsOf: Data("5".utf8))) != nil
    }

    /// A `kB` field of /proc/self/status, in MB.
    private static func field(_ name: String) -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name) }),
              let kilobytes = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first.flatMap({ Double($0) })
        else { return nil }
        return kilobytes / 1024
    }
}
