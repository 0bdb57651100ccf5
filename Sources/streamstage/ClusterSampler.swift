import Foundation
import RdKafka
import Simulation
import StreamLog
import Synchronization

/// The edge of `streamstage watch` that talks to the cluster: one pass a second on a thread of
/// its own, handing each `ClusterSample` to the live loop through a mailbox.
///
/// Cost to the cluster per pass: one Metadata request, one ListOffsets round per leader for the
/// log-start and one for the log-end offsets of the watched partitions, ListGroups, one
/// DescribeGroups for the followed groups, one OffsetFetch per followed group; one group-less
/// consumer reading the watched partitions from the end, which now and then reads the record at
/// a committed offset instead (at most `ClusterObserver.committedReadsPerSample` a pass, each
/// partition at most every `committedRecordRefreshMs`). No group of its own, no commits, no writes.
final class ClusterSampler: Sendable {
    /// The mailbox between the sampling thread and the live loop.
    private struct Shared: Sendable {
        var samples: [ClusterSample] = []
        /// The committed offsets to read on the next pass (from the observer).
        var committedReads: [RdKafka.TopicPartition: Int64] = [:]
        var brokerStates: [Int32: String] = [:]
        /// The admin client's last error event (a broker unreachable, authentication failed, …).
        var lastError: KafkaError?
        /// Whether the sampling thread runs (set by `start`, cleared by `stop`).
        var running = false
    }

    static let passIntervalMs: Int64 = 1_000
    static let requestTimeoutMs: Int32 = 5_000
    /// Records of the feed kept per pass at most.
    static let recordsPerPass = 400
    /// How long a pass reads records; the sampling consumer has no partitions the rest of the second.
    static let readWindowMs: Int64 = 300
    /// How far behind the end the feed's reader may resume after a reassignment; further
    /// behind, it starts again from the end (the feed samples, it does not replay).
    static let tailSlack: Int64 = 2_000

    let admin: KafkaAdmin
    let consumer: SamplingConsumer
    /// What the passes read (topics' watermarks and records, groups' descriptions and offsets).
    let selection: WatchSelection
    private let shared = Mutex(Shared())
    private let finished = DispatchSemaphore(value: 0)

    /// Connects (admin client and sampling consumer) from `config`; `preflight` then checks the
    /// cluster answers.
    init(config: KafkaConfig, selection: WatchSelection) throws(KafkaError) {
        var adminConfig = config
        adminConfig.set("statistics.interval.ms", "1000")
        // One connection to every broker, so the header can say which are up.
        adminConfig.set("enable.sparse.connections", "false")
        let box = StatisticsBox()
        admin = try KafkaAdmin(config: adminConfig, timeoutMs: Self.requestTimeoutMs) { event in box.take(event) }
        var consumerConfig = config
        consumerConfig.set("auto.offset.reset", "earliest")
        consumer = try SamplingConsumer(config: consumerConfig, groupId: "streamstage-watch-\(getpid())")
        self.selection = selection
        box.sampler.withLock { $0 = self }
    }

    /// Receives the admin client's events, which may come before `self` exists (then they are dropped).
    private final class StatisticsBox: Sendable {
        let sampler = Mutex<ClusterSampler?>(nil)
        func take(_ event: KafkaEvent) { sampler.withLock { $0 }?.take(event) }
    }

    private func take(_ event: KafkaEvent) {
        switch event {
        case .statistics(let json):
            let states = KafkaStatistics.brokerStates(json)
            shared.withLock { $0.brokerStates = states }
        case .error(let error, _):
            shared.withLock { $0.lastError = error }
        case .assigned, .revoked, .committed:
            break
        }
    }

    /// Checks the cluster answers before the screen switches: the metadata within the timeout,
    /// or one message saying why not (unreachable, authentication, TLS).
    func preflight(bootstrap: String) throws(UserFacingError) {
        do {
            _ = try admin.client.clusterMetadata(timeoutMs: Self.requestTimeoutMs)
        } catch {
            // librdkafka says why in an error event (the call itself only times out): that kind first.
            let reported = shared.withLock { $0.lastError }
            let cause: String =
                switch reported.map({ $0.kind == .unreachable || $0.kind == .other ? error.kind : $0.kind }) ?? error.kind {
                case .authentication: "authentication failed"
                case .tls: "the TLS handshake failed"
                case .authorization: "not authorized to describe the cluster"
                default: "no broker answered within \(Self.requestTimeoutMs / 1000) s"
                }
            let detail = admin.client.config.redact(reported?.message ?? error.description)
            throw UserFacingError(message: "cannot watch \(bootstrap): \(cause) (\(detail))")
        }
    }

    /// Starts the sampling thread.
    func start() {
        shared.withLock { $0.running = true }
        let thread = Thread { [self] in
            var reader = ReaderState()
            while shared.withLock({ $0.running }) {
                let started = Self.epochMs()
                let reads = shared.withLock { shared in
                    defer { shared.committedReads = [:] }
                    return shared.committedReads
                }
                let sample = pass(at: started, reads: reads, reader: &reader)
                shared.withLock { $0.samples.append(sample) }
                let rest = Self.passIntervalMs - (Self.epochMs() - started)
                if rest > 0 { Thread.sleep(forTimeInterval: Double(rest) / 1_000) }
            }
            finished.signal()
        }
        thread.name = "streamstage-watch-sampler"
        thread.start()
    }

    /// Stops the thread (after its pass), then closes the clients.
    func stop() {
        let wasRunning = shared.withLock { shared in
            defer { shared.running = false }
            return shared.running
        }
        if wasRunning { finished.wait() }
        consumer.close()
        admin.close()
    }

    /// The samples taken since the last call, oldest first.
    func takeSamples() -> [ClusterSample] {
        shared.withLock { shared in
            defer { shared.samples = [] }
            return shared.samples
        }
    }

    /// The committed offsets the next pass should read records at.
    func requestReads(_ reads: [StreamLog.TopicPartition: Int64]) {
        let converted = Dictionary(uniqueKeysWithValues: reads.map { (RdKafka.TopicPartition($0.key.topic, Int32($0.key.partition)), $0.value) })
        shared.withLock { $0.committedReads.merge(converted) { $1 } }
    }

    /// The broker states from the admin client's last statistics.
    func sharedBrokerStates() -> [Int32: String] { shared.withLock { $0.brokerStates } }

    static func epochMs() -> Int64 { Int64((Date().timeIntervalSince1970 * 1_000).rounded()) }
}
