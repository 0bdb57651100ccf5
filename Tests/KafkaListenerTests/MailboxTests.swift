import KafkaWire
import NIOCore
import NIOEmbedded
import Testing
@testable import KafkaListener

/// The mailbox between the network thread and the log's owner: which mail wakes a waiting owner.
/// `waitAndTakeAll(timeoutSeconds: 0)` answers at once with what woke it, so no test waits.
/// Each test makes its own embedded event loop for the replies' promises and fulfils every one.
struct MailboxTests {
    /// A request frame for `api` (header only; the mailbox never reads further).
    func request(_ api: ApiKey, on loop: EmbeddedEventLoop) -> ListenerMail {
        var writer = WireWriter()
        RequestHeader(apiKey: api.rawValue, apiVersion: 3, correlationId: 1, clientId: "paced-producer").encode(into: &writer)
        return .request(1, frame: writer.bytes, reply: loop.makePromise(of: BrokerReply.self))
    }

    /// The API keys of the requests in `mail`, in order.
    func apis(_ mail: [ListenerMail]) -> [Int16] {
        mail.compactMap { item in
            guard case .request(_, let frame, let promise) = item else { return nil }
            promise.succeed(.none)
            return Int16(frame[0]) << 8 | Int16(frame[1])
        }
    }

    @Test func produceWaitsForThePassAndOtherMailWakesTheOwnerWithIt() {
        let loop = EmbeddedEventLoop()
        let mailbox = Mailbox(produceWaits: true)
        mailbox.post(request(.produce, on: loop))
        mailbox.post(request(.produce, on: loop))
        #expect(apis(mailbox.waitAndTakeAll(timeoutSeconds: 0)).isEmpty)
        mailbox.post(request(.metadata, on: loop))
        #expect(apis(mailbox.waitAndTakeAll(timeoutSeconds: 0)) == [0, 0, 3])
        #expect(mailbox.takeAll().isEmpty)
    }

    @Test func producesWaitingAreTakenByThePassThatFollowsTheWait() {
        let loop = EmbeddedEventLoop()
        let mailbox = Mailbox(produceWaits: true)
        mailbox.post(request(.produce, on: loop))
        #expect(apis(mailbox.waitAndTakeAll(timeoutSeconds: 0)).isEmpty)
        #expect(apis(mailbox.takeAll()) == [0])
    }

    @Test func connectionsWakeTheOwnerEvenWhenProduceWaits() {
        let mailbox = Mailbox(produceWaits: true)
        mailbox.post(.connected(4, remote: "127.0.0.1:50000"))
        let mail = mailbox.waitAndTakeAll(timeoutSeconds: 0)
        #expect(mail.count == 1)
        guard case .connected(4, "127.0.0.1:50000")? = mail.first else {
            Issue.record("expected the connection, got \(mail)")
            return
        }
    }

    @Test func withoutProduceWaitsEveryRequestWakesTheOwner() {
        let loop = EmbeddedEventLoop()
        let mailbox = Mailbox()
        mailbox.post(request(.produce, on: loop))
        #expect(apis(mailbox.waitAndTakeAll(timeoutSeconds: 0)) == [0])
    }
}
