/// One record header: Kafka headers are ordered, may repeat a key, and carry bytes.
public struct Header: Hashable, Sendable {
    public var key: String
    public var value: [UInt8]

    public init(_ key: String, _ value: [UInt8]) {
        self.key = key
        self.value = value
    }

    /// A header whose value is the UTF-8 bytes of `text`.
    public init(_ key: String, _ text: String) {
        self.init(key, Array(text.utf8))
    }
}
