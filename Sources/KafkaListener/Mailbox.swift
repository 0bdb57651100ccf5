import KafkaWire
import NIOConcurrencyHelpers
import NIOCore

/// What the network hands the log's owner: connections opening and closing, and request frames
/// with the promise their reply fulfils.
enum ListenerMail: Sendable {
    case connected(Int, remote: String)
    case request(Int, frame: [UInt8], reply: EventLoopPromise<BrokerReply>)
    /// The connection was closed for bytes that are not Kafka frames (a negative or huge size).
    case failed(Int, reason: String)
    case disconnected(Int)

    /// Whether this is a Produce request (its frame starts with API key 0).
    var isProduce: Bool {
        guard case .request(_, let frame, _) = self, frame.count >= 2 else { return false }
        return Int16(frame[0]) << 8 | Int16(frame[1]) == ApiKey.produce.rawValue
    }
}

/// The queue between the NIO threads and the log's one owner: many post, one takes.
///
/// The owner takes everything waiting in one go each pass (``takeAll()``), or sleeps until mail
/// arrives or a timeout passes (``waitAndTakeAll(timeoutSeconds:)``), so a request is answered
/// within microseconds of arriving when the owner is idle. With `produceWaits`, Produce requests
/// do not wake a sleeping owner: they are taken with the next mail that does, or when its timeout
/// passes, so a client sending hundreds of Produce requests a second costs the owner one wake per
/// pass instead of one per request.
final class Mailbox: @unchecked Sendable {
    /// 1 while mail that wakes the owner is waiting, 0 otherwise; `items` is only touched while it is held.
    private let condition = ConditionLock<Int>(value: 0)
    private var items: [ListenerMail] = []
    /// Whether Produce requests wait for the owner's next pass instead of waking it.
    let produceWaits: Bool

    init(produceWaits: Bool = false) {
        self.produceWaits = produceWaits
    }

    /// Adds mail (any thread); wakes the owner unless it is a Produce request that may wait.
    func post(_ mail: ListenerMail) {
        condition.lock()
        items.append(mail)
        if produceWaits, mail.isProduce {
            condition.unlock()
        } else {
            condition.unlock(withValue: 1)
        }
    }

    /// Everything waiting, oldest first, without blocking.
    func takeAll() -> [ListenerMail] {
        condition.lock()
        defer { condition.unlock(withValue: 0) }
        return swapItems()
    }

    /// Everything waiting, after sleeping until mail that wakes arrives; nothing when
    /// `timeoutSeconds` pass first (the owner's ``takeAll()`` then takes what waited).
    func waitAndTakeAll(timeoutSeconds: Double) -> [ListenerMail] {
        guard condition.lock(whenValue: 1, timeoutSeconds: max(0, timeoutSeconds)) else { return [] }
        defer { condition.unlock(withValue: 0) }
        return swapItems()
    }

    private func swapItems() -> [ListenerMail] {
        let taken = items
        items = []
        return taken
    }
}
