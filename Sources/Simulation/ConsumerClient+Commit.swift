import StreamLog

/// Offset commits: commitSync, the policy's commits on revocation and leave, auto-commit on poll.
extension ConsumerClient {
    /// commitSync: `offsets` (nil: the current positions) under the client's generation. A
    /// refusal is counted and thrown; the coordinator reports fencing itself, the client reports
    /// anything else as a `commitRejected` event.
    func commitSync(_ offsets: [TopicPartition: Int64]? = nil, nowMs: Int64) throws(StreamLogError) {
        guard !crashed else { throw .memberNotActive(group: group, memberId: memberId) }
        let chosen = offsets ?? positions
        do {
            try backend.commitOffsets(group, memberId: memberId, generation: generation, offsets: chosen, nowMs: nowMs)
            ledger.touch(chosen.keys)
        } catch {
            failedCommits += 1
            switch error {
            case .illegalGeneration, .rebalanceInProgress: break
            default: backend.report(.commitRejected(group: group, memberId: memberId, error: error))
            }
            throw error
        }
    }

    /// A commit whose refusal is already counted and reported; true when it was stored.
    @discardableResult
    func commit(_ offsets: [TopicPartition: Int64], nowMs: Int64) -> Bool {
        do {
            try commitSync(offsets, nowMs: nowMs)
            return true
        } catch {
            return false
        }
    }

    /// The commit a member's policy makes before a rebalance, on revocation or on a clean leave:
    /// the positions of `partitions` (manual members commit nothing).
    func commitOnPolicy(_ partitions: [TopicPartition], nowMs: Int64) {
        if options.commitPolicy == .manual || syncing { return }
        var offsets: [TopicPartition: Int64] = [:]
        for partition in partitions { if let position = positions[partition] { offsets[partition] = position } }
        if !offsets.isEmpty { commit(offsets, nowMs: nowMs) }
        batchAwaitingCommit = false
        if case .auto = options.commitPolicy { lastAutoCommitMs = nowMs }
    }

    /// The commit piggy-backed on poll: auto-commit when its interval expired, or the previous
    /// batch under `.afterEachBatch`.
    func commitDueOnPoll(nowMs: Int64) {
        switch options.commitPolicy {
        case .manual:
            return
        case .auto(let interval):
            guard nowMs - lastAutoCommitMs >= interval else { return }
            lastAutoCommitMs = nowMs
        case .afterEachBatch:
            guard batchAwaitingCommit else { return }
        }
        guard generation >= 0 else { return }
        if commit(positions, nowMs: nowMs) { batchAwaitingCommit = false }
    }
}
