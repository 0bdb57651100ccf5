import StreamLog

/// One line of the event feed: a sampled record, or something that happened to a group or topic.
public struct FeedEntry: Equatable, Sendable {
    /// What the line is about.
    public enum Kind: Equatable, Sendable {
        /// A record appended to a topic; `sampleOf` is N when the line stands for 1 of N records.
        case record(topic: String, partition: Int, offset: Int64, key: String?, payload: String, sampleOf: Int)
        /// A record a Kafka client produced through the listener; `client` is its `client.id`.
        case clientRecord(topic: String, partition: Int, offset: Int64, key: String?, payload: String, client: String, sampleOf: Int)
        /// A consumer-group event (rebalance, assignment, reset, …).
        case group(name: String, text: String)
        /// A topic event (segment deleted, …).
        case topic(name: String, text: String)
        /// A script or presenter event (step started, member killed, service failed, …).
        case script(text: String)
    }

    public var timeMs: Int64
    public var kind: Kind

    public init(timeMs: Int64, kind: Kind) {
        self.timeMs = timeMs
        self.kind = kind
    }

    /// The topic or group this entry belongs to, for the feed filter.
    public var subject: String? {
        switch kind {
        case .record(let topic, _, _, _, _, _), .clientRecord(let topic, _, _, _, _, _, _): topic
        case .group(let name, _), .topic(let name, _): name
        case .script: nil
        }
    }
}
