import Foundation
import Synchronization

/// A thread that polls one client until stopped, so its delivery reports, error events and
/// statistics arrive without the caller polling.
///
/// The loop owns nothing but its thread; `stop` waits (at most one poll interval) for it to end.
public final class PollLoop: Sendable {
    /// Whether the loop should go on; shared with the thread.
    private final class Running: Sendable {
        let flag = Atomic<Bool>(true)
    }

    private let running = Running()
    private let finished = DispatchSemaphore(value: 0)

    /// Starts polling `client` every `intervalMs` at most.
    public init(client: KafkaClient, intervalMs: Int32 = 50) {
        let thread = Thread { [running, finished] in
            while running.flag.load(ordering: .acquiring) {
                client.poll(timeoutMs: intervalMs)
            }
            finished.signal()
        }
        thread.name = "rdkafka-poll \(client.name)"
        thread.start()
    }

    /// Stops the loop and waits for its thread to end. Calling it again does nothing.
    public func stop() {
        if running.flag.exchange(false, ordering: .acquiringAndReleasing) { finished.wait() }
    }

    deinit { stop() }
}
