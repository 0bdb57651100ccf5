/// The shared, ordered buffer of events — the coordinator's and those clients report — until the caller drains them.
final class EventLog {
    var events: [StreamEvent] = []

    func append(_ event: StreamEvent) { events.append(event) }

    func drain() -> [StreamEvent] {
        guard !events.isEmpty else { return [] }  // an empty drain neither copies nor allocates
        let drained = events
        events.removeAll(keepingCapacity: true)
        return drained
    }
}
