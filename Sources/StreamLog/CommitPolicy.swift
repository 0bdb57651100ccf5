/// When a consumer's offsets get committed.
public enum CommitPolicy: Equatable, Sendable {
    /// `enable.auto.commit=true`: positions are committed on the first poll after every
    /// `intervalMs` (default 5000), before a rebalance and on a clean leave.
    case auto(intervalMs: Int64 = 5_000)
    /// The loop `poll → process → commitSync`: a batch's positions are committed once it is
    /// processed, i.e. on the member's next poll (and before a rebalance or a clean leave).
    case afterEachBatch
    /// Only explicit `commit` calls.
    case manual
}
