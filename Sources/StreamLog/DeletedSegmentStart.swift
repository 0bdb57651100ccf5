/// Where a segment that retention deleted began: its base offset and its first record's append
/// time, so lag in seconds stays true for a group whose committed offset fell off the log.
struct DeletedSegmentStart: Equatable {
    var baseOffset: Int64
    var appendTimeMs: Int64
}
