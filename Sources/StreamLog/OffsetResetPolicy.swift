/// `auto.offset.reset`: where to start when there is no committed offset or it is out of range.
public enum OffsetResetPolicy: String, Equatable, Sendable {
    case earliest
    case latest
    case none
}
