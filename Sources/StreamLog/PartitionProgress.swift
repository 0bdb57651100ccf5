import DequeModule

/// What a group has done with one partition: its committed offset, what it was given, and the
/// commit window Burrow evaluates.
struct PartitionProgress {
    /// The committed offset: the next offset to consume.
    var committed: Int64?
    /// The highest offset ever handed to a member of the group (-1 before any; lowered by a
    /// deliberate rewind, see `forgetDeliveries`).
    var highestDelivered: Int64 = -1
    /// Records handed out again at or below `highestDelivered`.
    var duplicates: Int64 = 0
    /// All records handed out, duplicates included.
    var delivered: Int64 = 0
    /// The last commits, oldest first (Burrow's window).
    var commits: Deque<CommitSample> = []
    /// The rate at which the group's delivered frontier advances.
    var consumeRate: RateWindow

    init(rateWindowMs: Int64, rateSampleMs: Int64) {
        consumeRate = RateWindow(windowMs: rateWindowMs, sampleEveryMs: rateSampleMs)
    }

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
