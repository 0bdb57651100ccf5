import StreamLog

/// One topic's appends in a row (a producer's records of one tick): what they touch, looked up
/// once, and what they add to the topic's meters, booked when the row ends.
struct TopicAppender {
    let topic: any RecordAppender
    /// The topic's recent records, when a `ref` generator reads them.
    let recent: RecentValues?
    /// The topic's feed sampling, carried through the row.
    var sampler: FeedSampler
    /// Records appended so far.
    var records: Int64 = 0
    /// Their bytes.
    var bytes: Int64 = 0
}
