import CRdkafka

/// librdkafka configuration properties in the order they were set, each remembering the
/// properties-file line it came from so a rejected value can be pointed at.
///
/// Secrets (`sasl.password`, `ssl.key.password`, …) never appear in `description` or in an
/// error: `redact` replaces their values wherever a message could echo them.
public struct KafkaConfig: Equatable, Sendable, CustomStringConvertible {
    /// One `key=value` property.
    public struct Property: Equatable, Sendable {
        public var key: String
        public var value: String
        /// Where it was read (`file:line`), nil when set in code.
        public var origin: String?
    }

    /// The properties, in the order they were set; a later set of the same key replaces it.
    public private(set) var properties: [Property] = []

    public init(_ pairs: [String: String] = [:]) {
        for (key, value) in pairs.sorted(by: { $0.key < $1.key }) { set(key, value) }
    }

    /// Sets `key` to `value` (replacing an earlier value of the same key).
    public mutating func set(_ key: String, _ value: String, origin: String? = nil) {
        let property = Property(key: key, value: value, origin: origin)
        if let index = properties.firstIndex(where: { $0.key == key }) {
            properties[index] = property
        } else {
            properties.append(property)
        }
    }

    /// The value of `key`, if set.
    public subscript(key: String) -> String? { properties.first { $0.key == key }?.value }

    /// This configuration with `other`'s properties set over it.
    public func merging(_ other: KafkaConfig) -> KafkaConfig {
        var merged = self
        for property in other.properties { merged.set(property.key, property.value, origin: property.origin) }
        return merged
    }

    /// Whether `key` names a secret whose value must never be shown.
    public static func isSecret(_ key: String) -> Bool {
        let lowered = key.lowercased()
        return lowered.contains("password") || lowered.contains("secret") || lowered == "sasl.jaas.config"
            || lowered.hasSuffix(".pem") || lowered == "sasl.oauthbearer.config"
    }

    /// `text` with every secret property's value replaced by `***`.
    public func redact(_ text: String) -> String {
        var redacted = text
        for property in properties where Self.isSecret(property.key) && !property.value.isEmpty {
            redacted = redacted.replacing(property.value, with: "***")
        }
        return redacted
    }

    public var description: String {
        properties.map { "\($0.key)=\(Self.isSecret($0.key) ? "***" : $0.value)" }.joined(separator: " ")
    }

    /// A new `rd_kafka_conf_t` holding these properties; the caller owns it.
    func makeConf() throws(KafkaError) -> OpaquePointer {
        guard let conf = rd_kafka_conf_new() else { throw .wrapper("librdkafka could not allocate a configuration") }
        var errstr = [CChar](repeating: 0, count: 512)
        for property in properties {
            let result = rd_kafka_conf_set(conf, property.key, property.value, &errstr, errstr.count)
            guard result == RD_KAFKA_CONF_OK else {
                rd_kafka_conf_destroy(conf)
                let reason = redact(String(errorBuffer: errstr))
                let place = property.origin.map { "\($0): " } ?? ""
                throw KafkaError(code: Int32(RD_KAFKA_RESP_ERR__INVALID_ARG.rawValue), message: "\(place)\(reason)")
            }
        }
        return conf
    }
}
