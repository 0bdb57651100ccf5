/// Why retention deleted segments.
public enum RetentionReason: String, Sendable, Equatable {
    case time = "retention.ms"
    case bytes = "retention.bytes"
    case records = "retention.records"
}
