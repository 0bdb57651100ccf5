/// A Fetch waiting for records (fewer than its min bytes were there) until its max wait runs out.
struct ParkedFetch {
    /// The connection that asked.
    var connection: Int
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
            if let body = settle(fetch, wallMs: wallMs) {
                fetch.reply(.frame(body))
            } else {
                waiting.append(fetch)
            }
        }
        parked = waiting
    }

    /// The response frame for `fetch` if it is ready (enough bytes, or its wait is over), else nil.
    func settle(_ fetch: ParkedFetch, wallMs: Int64) -> [UInt8]? {
        nil
    }
}
