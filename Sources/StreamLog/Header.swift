/// One record header: Kafka headers are ordered and may repeat a key.
public struct Header: Hashable, Sendable {
    public var key: String
    public var value: String

    public init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }
}
