import RdKafka
import Synchronization

/// Events librdkafka's threads hand over, kept under a lock until the engine's thread takes them.
final class EventInbox: Sendable {
    private let events = Mutex<[KafkaEvent]>([])

    func append(_ event: KafkaEvent) { events.withLock { $0.append(event) } }

    /// Everything received since the last take, oldest first.
    func take() -> [KafkaEvent] { events.withLock { events in defer { events = [] }; return events } }
}

/// What the producer's delivery reports said since the last look.
final class DeliveryTally: Sendable {
    struct Counts {
        var delivered = 0
        var failed = 0
        var firstFailure: KafkaError?
    }

    private let counts = Mutex(Counts())

    func note(_ report: DeliveryReport) {
        counts.withLock {
            if let error = report.error {
                $0.failed += 1
                if $0.firstFailure == nil { $0.firstFailure = error }
            } else {
                $0.delivered += 1
            }
        }
    }

    /// The counts since the last take, then zero.
    func take() -> Counts { counts.withLock { counts in defer { counts = Counts() }; return counts } }
}
