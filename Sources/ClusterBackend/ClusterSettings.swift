import RdKafka

/// Where and how a scenario runs on a real cluster.
public struct ClusterSettings: Sendable {
    /// `host:port,…`.
    public var bootstrapServers: String
    /// The user's librdkafka properties (security, SASL, TLS), set over the defaults.
    public var config: KafkaConfig
    /// Put before every topic name and group id so a demo never writes into a real topic
    /// (`streamstage.` unless the user says otherwise; "" turns it off).
    public var prefix: String
    /// Wall-clock epoch ms when the run's simulated time 0 began: record timestamps are this plus
    /// the engine's time.
    public var startEpochMs: Int64
    /// The longest any admin call or the first connection waits.
    public var timeoutMs: Int32

    public static let defaultPrefix = "streamstage."

    public init(bootstrapServers: String, config: KafkaConfig = KafkaConfig(), prefix: String = Self.defaultPrefix,
                startEpochMs: Int64, timeoutMs: Int32 = 15_000) {
        self.bootstrapServers = bootstrapServers
        self.config = config
        self.prefix = prefix
        self.startEpochMs = startEpochMs
        self.timeoutMs = timeoutMs
    }

    /// The client configuration: quiet logs, the bootstrap servers, then the user's properties.
    func clientConfig(_ extra: [String: String] = [:]) -> KafkaConfig {
        var base = KafkaConfig(["bootstrap.servers": bootstrapServers, "log_level": "0"])
        for (key, value) in extra.sorted(by: { $0.key < $1.key }) { base.set(key, value) }
        return base.merging(config)
    }
}
