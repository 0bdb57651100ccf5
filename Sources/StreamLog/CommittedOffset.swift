/// A group's committed offset on one partition, as OffsetFetch reports it, with the recent
/// commits Burrow evaluates.
public struct CommittedOffset: Equatable, Sendable {
    /// The next offset the group will consume.
    public var offset: Int64
    /// The last commits, oldest first.
    public var commits: [CommitSample]

    public init(offset: Int64, commits: [CommitSample]) {
        self.offset = offset
        self.commits = commits
    }
}
