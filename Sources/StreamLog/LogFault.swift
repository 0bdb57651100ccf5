/// A fault a backend shows now: what went wrong, and since when its offsets and committed
/// offsets could not be refreshed (the lag shown is as it was then).
public struct LogFault: Equatable, Sendable {
    /// What the client library said (`broker localhost:9092/2 is down`).
    public var message: String
    /// The caller's time of the last refresh before the fault.
    public var sinceMs: Int64

    public init(message: String, sinceMs: Int64) {
        self.message = message
        self.sinceMs = sinceMs
    }

    /// How long the figures have been stale at `nowMs`, in whole seconds.
    public func staleSeconds(nowMs: Int64) -> Int64 { max(0, nowMs - sinceMs) / 1_000 }
}
