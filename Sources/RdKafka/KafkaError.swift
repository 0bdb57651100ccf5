import CRdkafka

/// A failure reported by librdkafka or by this wrapper, with librdkafka's error code and name.
///
/// `message` never carries a secret property's value: configuration errors pass through
/// `KafkaConfig.redact` before they become a `KafkaError`.
public struct KafkaError: Error, Equatable, Sendable, CustomStringConvertible {
    /// librdkafka's `rd_kafka_resp_err_t` (negative: client-side; positive: broker error codes).
    public var code: Int32
    /// What went wrong, in librdkafka's or the wrapper's words.
    public var message: String

    public init(code: Int32, message: String) {
        self.code = code
        self.message = message
    }

    /// librdkafka's symbolic name of the code, e.g. `_ALL_BROKERS_DOWN` or `TOPIC_ALREADY_EXISTS`.
    public var name: String { String(cString: rd_kafka_err2name(rd_kafka_resp_err_t(code))) }

    /// What kind of failure this is, for a user-facing cause. librdkafka reports a TLS handshake
    /// that the peer cuts short (a plaintext broker behind `security.protocol=SSL`) as a transport
    /// error whose text names OpenSSL's routines: that is a TLS failure, not an unreachable broker.
    public var kind: KafkaErrorKind {
        let kind = KafkaErrorKind(code: code)
        guard kind == .unreachable || kind == .other else { return kind }
        return message.contains("SSL routines") || message.contains("SSL_HANDSHAKE") ? .tls : kind
    }

    public var description: String { "\(message) (\(name))" }

    /// The broker refused to delete a group that still has members (NON_EMPTY_GROUP): members that
    /// just left may not have been removed yet.
    public var isGroupNotEmpty: Bool { code == RD_KAFKA_RESP_ERR_NON_EMPTY_GROUP.rawValue }

    /// A wrapper-side failure that has no librdkafka code of its own.
    static func wrapper(_ message: String) -> KafkaError {
        KafkaError(code: Int32(RD_KAFKA_RESP_ERR__FAIL.rawValue), message: message)
    }

    /// The error of a librdkafka call that returned `err`, in librdkafka's words.
    static func from(_ err: rd_kafka_resp_err_t, _ context: String) -> KafkaError {
        KafkaError(code: err.rawValue, message: "\(context): \(String(cString: rd_kafka_err2str(err)))")
    }

    /// The error held by an `rd_kafka_error_t`, which this call destroys.
    static func consuming(_ error: OpaquePointer, _ context: String) -> KafkaError {
        defer { rd_kafka_error_destroy(error) }
        return KafkaError(code: rd_kafka_error_code(error).rawValue,
                          message: "\(context): \(String(cString: rd_kafka_error_string(error)))")
    }
}

extension String {
    /// The NUL-terminated text librdkafka wrote into an error buffer.
    init(errorBuffer: [CChar]) {
        self.init(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// The causes a presenter needs told apart: where to look when a cluster run fails.
public enum KafkaErrorKind: Equatable, Sendable {
    /// No broker answers (unreachable bootstrap, every broker down, name not resolved).
    case unreachable
    /// SASL authentication failed (wrong user or password).
    case authentication
    /// TLS handshake or certificate failure.
    case tls
    /// The cluster refused an operation (ACL denial).
    case authorization
    /// The topic already exists.
    case topicExists
    /// The topic or partition does not exist.
    case unknownTopic
    /// A configuration property is unknown or has an invalid value.
    case configuration
    /// Timed out waiting for an answer.
    case timedOut
    /// Anything else.
    case other

    init(code: Int32) {
        switch rd_kafka_resp_err_t(code) {
        case RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN, RD_KAFKA_RESP_ERR__TRANSPORT, RD_KAFKA_RESP_ERR__RESOLVE,
             RD_KAFKA_RESP_ERR__TRANSPORT:
            self = .unreachable
        case RD_KAFKA_RESP_ERR__AUTHENTICATION, RD_KAFKA_RESP_ERR_SASL_AUTHENTICATION_FAILED:
            self = .authentication
        case RD_KAFKA_RESP_ERR__SSL:
            self = .tls
        case RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED, RD_KAFKA_RESP_ERR_GROUP_AUTHORIZATION_FAILED,
             RD_KAFKA_RESP_ERR_CLUSTER_AUTHORIZATION_FAILED, RD_KAFKA_RESP_ERR_TRANSACTIONAL_ID_AUTHORIZATION_FAILED:
            self = .authorization
        case RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS:
            self = .topicExists
        case RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC, RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART, RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION:
            self = .unknownTopic
        case RD_KAFKA_RESP_ERR__INVALID_ARG:
            self = .configuration
        case RD_KAFKA_RESP_ERR__TIMED_OUT, RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT, RD_KAFKA_RESP_ERR__MSG_TIMED_OUT:
            self = .timedOut
        default:
            self = .other
        }
    }
}
