extension Topic {
    /// Replaces the topic's retention limits (nil: no limit of that kind), checked first; the
    /// next `enforceRetention` of each partition applies them.
    public func alterRetention(timeMs: Int64?, bytes: Int?, records: Int?) throws(StreamLogError) {
        var changed = config
        changed.retentionMs = timeMs
        changed.retentionBytes = bytes
        changed.retentionRecords = records
        try changed.validate(topic: name)
        config = changed
        for partition in partitions { partition.config = changed }
    }
}
