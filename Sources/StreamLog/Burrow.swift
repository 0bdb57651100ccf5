/// Burrow's consumer-lag evaluation rules (reference §4.1).
public enum Burrow {
    /// The status of one partition from its commit window (oldest first) and current lag.
    ///
    /// Order: no commits → NOTFOUND; lag ≤ allowed → OK; fewer than two commits → OK (window
    /// too short to judge); STOP when the time since the last commit exceeds the window's span;
    /// REWIND when an offset dropped and never got back; then, only if lag was never ≤ allowed
    /// in the window, STALL when all offsets are equal and WARN when lag never decreased.
    public static func partitionStatus(
        window: [CommitSample], currentLag: Int64, nowMs: Int64, allowedLag: Int64
    ) -> BurrowStatus {
        guard let first = window.first, let last = window.last else { return .notFound }
        if currentLag <= allowedLag { return .ok }
        guard window.count >= 2 else { return .ok }
        if nowMs - last.timestampMs > last.timestampMs - first.timestampMs { return .stop }
        for index in 1..<window.count where window[index].offset < window[index - 1].offset {
            let before = window[index - 1].offset
            if window[index...].allSatisfy({ $0.offset < before }) { return .rewind }
        }
        guard window.allSatisfy({ $0.lag > allowedLag }) else { return .ok }
        if window.allSatisfy({ $0.offset == first.offset }) { return .stall }
        if zip(window, window.dropFirst()).allSatisfy({ $1.lag >= $0.lag }) { return .warn }
        return .ok
    }

    /// The group status: the worst partition status, with STOP, STALL and REWIND shown as ERR.
    public static func groupStatus(_ statuses: [BurrowStatus]) -> BurrowStatus {
        let found = statuses.filter { $0 != .notFound }
        guard !found.isEmpty else { return .notFound }
        if found.contains(where: { $0 >= .err }) { return .err }
        return found.contains(.warn) ? .warn : .ok
    }
}
