import KafkaWire

/// A Fetch waiting for records (fewer than its min bytes were there) until its max wait runs out.
struct ParkedFetch {
    /// The connection that asked.
    var connection: Int
    /// Echoed in the response.
    var correlationId: Int32
    /// The request's version, which the response is written at.
    var version: Int16
    /// The request, read again on every check.
    var request: FetchRequest
    /// Wall-clock ms after which it is answered with whatever is there.
    var deadlineWallMs: Int64
    /// Sends the answer; set when the fetch is parked.
    var reply: (BrokerReply) -> Void = { _ in }
}

extension Broker {
    /// Answers the parked fetches whose max wait ran out or whose records came, and keeps the rest.
    public func recheck(wallMs: Int64) {
        guard !parked.isEmpty else { return }
        var waiting: [ParkedFetch] = []
        for fetch in parked {
            if let frame = settle(fetch, wallMs: wallMs) {
                fetch.reply(.frame(frame))
            } else {
                waiting.append(fetch)
            }
        }
        parked = waiting
    }
}
