import ArgumentParser
import ClusterBackend
import Foundation
import RdKafka
import StreamLog

/// `--bootstrap-servers`, `--kafka-config`, `--prefix`, `--cleanup`: running on a real Kafka cluster.
struct ClusterOptions: ParsableArguments {
    @Option(name: .customLong("bootstrap-servers"),
            help: "Run on a real Kafka cluster through librdkafka: HOST:PORT[,…] (else from --kafka-config).")
    var bootstrapServers: String?

    @Option(name: .customLong("kafka-config"),
            help: "A librdkafka properties file (bootstrap.servers, security.protocol, sasl.*, ssl.*).")
    var kafkaConfig: String?

    @Option(help: "Put before every topic name and group id on the cluster ('' for none).")
    var prefix: String = ClusterSettings.defaultPrefix

    @Flag(help: "On a cluster: delete the topics and groups the run created when it ends.")
    var cleanup = false

    /// Whether the run goes to a cluster.
    var isCluster: Bool { bootstrapServers != nil || kafkaConfig != nil }

    /// Reads `--kafka-config` and connects (bounded by 15 s); nil without cluster options. Every
    /// failure is one message naming its cause, with no secret in it.
    func connect() throws(UserFacingError) -> ClusterLog? {
        guard isCluster else {
            if cleanup { throw UserFacingError(message: "--cleanup needs --bootstrap-servers or --kafka-config (it deletes what a cluster run created)") }
            return nil
        }
        let properties = try readProperties()
        guard let servers = bootstrapServers ?? properties["bootstrap.servers"], !servers.isEmpty else {
            throw UserFacingError(message: "\(kafkaConfig ?? "--kafka-config") has no bootstrap.servers; add it, or give --bootstrap-servers HOST:PORT")
        }
        let settings = ClusterSettings(
            bootstrapServers: servers, config: properties, prefix: prefix,
            startEpochMs: Int64(Date().timeIntervalSince1970 * 1000), timeoutMs: 12_000)
        do {
            return try ClusterLog(settings: settings, random: SeededRandom(seed: 1))
        } catch {
            throw UserFacingError(message: Self.explain(error, servers: servers, file: kafkaConfig))
        }
    }

    private func readProperties() throws(UserFacingError) -> KafkaConfig {
        guard let path = kafkaConfig else { return KafkaConfig() }
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw UserFacingError(message: "--kafka-config \(path): \(exists ? "cannot be read" : "no such file")")
        }
        do {
            return try KafkaConfig.parseProperties(String(decoding: data, as: UTF8.self), path: path)
        } catch {
            throw UserFacingError(message: "--kafka-config \(error.description)")
        }
    }

    /// What to tell the presenter about a failed connection.
    static func explain(_ error: KafkaError, servers: String, file: String?) -> String {
        let settings = file.map { " in \($0)" } ?? ""
        switch error.kind {
        case .unreachable, .timedOut:
            return "cannot reach the Kafka cluster at \(servers): \(error.message) (check --bootstrap-servers and that the brokers listen there)"
        case .authentication:
            return "the Kafka cluster at \(servers) refused the credentials: \(error.message) (check sasl.mechanisms, sasl.username and sasl.password\(settings))"
        case .tls:
            return "TLS with the Kafka cluster at \(servers) failed: \(error.message) (check security.protocol and ssl.*\(settings))"
        case .authorization:
            return "the Kafka cluster at \(servers) denied access: \(error.message) (check the ACLs for the prefix's topics and groups)"
        case .configuration:
            return "bad Kafka client setting: \(error.message)"
        case .topicExists, .unknownTopic, .other:
            return "the Kafka cluster at \(servers): \(error.message)"
        }
    }
}

/// A run's cluster: the backend the engine uses and what to do with it at the end.
///
/// Unchecked Sendable: the CLI's main thread, which also runs the engine, is the only one that
/// touches the log (the live loop hands the session to the main actor it already runs on).
struct ClusterRun: @unchecked Sendable {
    let log: ClusterLog
    let cleanup: Bool

    /// The engine's backend factory: this cluster (an engine on a cluster is never rebuilt,
    /// since a cluster cannot rewind). The log is used from the engine's thread only.
    var backend: @Sendable (SeededRandom) -> any StreamLogBackend {
        nonisolated(unsafe) let log = log
        return { _ in log }
    }

    /// What to tell the presenter when the cluster refused setting up the run (an ACL denial,
    /// rejected credentials): the cause, not the step it stopped; nil when it refused nothing.
    var refusal: String? {
        log.refusal.map { ClusterOptions.explain($0, servers: log.bootstrapServers, file: nil) }
    }

    /// Closes the clients (deleting with `--cleanup`); returns the summary lines.
    func finish() -> [String] { log.finish(deleting: cleanup) }
}
