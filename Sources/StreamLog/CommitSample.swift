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
