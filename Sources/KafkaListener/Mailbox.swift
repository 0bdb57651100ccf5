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
}

/// The queue between the NIO threads and the log's one owner: many post, one takes.
///
/// The owner takes everything waiting in one go each pass (``takeAll()``), or sleeps until mail
/// arrives or a timeout passes (``waitAndTakeAll(timeoutSeconds:)``), so a request is answered
/// within microseconds of arriving when the owner is idle.
final class Mailbox: @unchecked Sendable {
    /// 1 while mail is waiting, 0 when empty; `items` is only touched while it is held.
    private let condition = ConditionLock<Int>(value: 0)
    private var items: [ListenerMail] = []

    /// Adds mail (any thread).
    func post(_ mail: ListenerMail) {
        condition.lock()
        items.append(mail)
        condition.unlock(withValue: 1)
    }

    /// Everything waiting, oldest first, without blocking.
    func takeAll() -> [ListenerMail] {
        condition.lock()
        defer { condition.unlock(withValue: 0) }
        return swapItems()
    }

    /// Everything waiting, after sleeping until some arrives or `timeoutSeconds` pass.
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
