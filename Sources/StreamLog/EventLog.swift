/// The shared, ordered buffer of events — the coordinator's and those clients report — until the caller drains them.
final class EventLog {
    var events: [StreamEvent] = []

    func append(_ event: StreamEvent) { events.append(event) }

    func drain() -> [StreamEvent] {
        let drained = events
        events.removeAll(keepingCapacity: true)
        return drained
    }
}
