/// Burrow's status codes (NOTFOUND=0 … REWIND=6); `err` is the group-level roll-up of STOP,
/// STALL and REWIND.
public enum BurrowStatus: Int, Comparable, Equatable, Sendable, CustomStringConvertible {
    case notFound = 0
    case ok = 1
    case warn = 2
    case err = 3
    case stop = 4
    case stall = 5
    case rewind = 6

    public var description: String {
        switch self {
        case .notFound: "NOTFOUND"
        case .ok: "OK"
        case .warn: "WARN"
        case .err: "ERR"
        case .stop: "STOP"
        case .stall: "STALL"
        case .rewind: "REWIND"
        }
    }

    public static func < (lhs: BurrowStatus, rhs: BurrowStatus) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One stored commit of Burrow's window: the offset, when it was committed, and the lag then.
public struct CommitSample: Equatable, Sendable {
    public var offset: Int64
    public var timestampMs: Int64
    /// Log-end offset minus the committed offset at commit time, clamped to 0.
    public var lag: Int64

    public init(offset: Int64, timestampMs: Int64, lag: Int64) {
        self.offset = offset
        self.timestampMs = timestampMs
        self.lag = lag
    }
}

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
