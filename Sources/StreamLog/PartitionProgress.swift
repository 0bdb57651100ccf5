import DequeModule

/// A group's stored commits on one partition: the committed offset and the window Burrow evaluates.
struct PartitionProgress {
    /// The committed offset: the next offset to consume.
    var committed: Int64?
    /// The last commits, oldest first (Burrow's window).
    var commits: Deque<CommitSample> = []

    /// Stores a commit and adds it to the window (replacing the last sample when closer than `minDistanceMs`).
    mutating func recordCommit(_ offset: Int64, nowMs: Int64, logEndOffset: Int64, burrow: BurrowSettings) {
        committed = offset
        let sample = CommitSample(offset: offset, timestampMs: nowMs, lag: max(0, logEndOffset - offset))
        if let last = commits.last, burrow.minDistanceMs > 0, nowMs - last.timestampMs < burrow.minDistanceMs {
            commits[commits.count - 1] = sample
        } else {
            commits.append(sample)
        }
        while commits.count > burrow.intervals { commits.removeFirst() }
    }
}
